package io.github.accounts.persistence;

import java.time.Instant;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.UpdateTimestamp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The declarative base every table class extends: an id the database assigns (so rows inserted by plain SQL get one
 * too), a version for optimistic locking, and the time of the last change. Every column has a database default, so
 * other programs can insert rows without knowing about them.
 */
@MappedSuperclass
public abstract class BaseEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    @ColumnDefault("0")
    @Column(nullable = false)
    public long version;

    @UpdateTimestamp
    @ColumnDefault("CURRENT_TIMESTAMP(6)")
    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;
}
