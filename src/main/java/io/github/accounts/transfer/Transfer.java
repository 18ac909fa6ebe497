package io.github.accounts.transfer;

import java.time.Instant;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;

import io.github.accounts.account.Account;
import io.github.accounts.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One row of the ledger, table {@code transfers}: {@code amount} tokens moved from one account to another, written in
 * the transaction that changed both balances. The foreign keys keep an account with a ledger from being deleted; the
 * indexes serve an account's ledger in both directions by id, and one caller's idempotency keys.
 */
@Entity
@Table(name = "transfers", indexes = {
        @Index(name = "ix_transfers_from_id", columnList = "from_id, id"),
        @Index(name = "ix_transfers_to_id", columnList = "to_id, id"),
        @Index(name = "ux_transfers_idempotency_key", columnList = "requested_by, idempotency_key", unique = true) })
public class Transfer extends BaseEntity {

    public static final int KEY_LENGTH = 128;

    @Column(name = "from_id", nullable = false)
    public long fromId;

    @Column(name = "to_id", nullable = false)
    public long toId;

    @Column(nullable = false)
    public int amount;

    @CreationTimestamp
    @ColumnDefault("CURRENT_TIMESTAMP(6)")
    @Column(name = "date_created", nullable = false, updatable = false)
    public Instant dateCreated;

    /** The account that asked for the transfer: an {@code Idempotency-Key} is one caller's. */
    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "idempotency_key", length = KEY_LENGTH)
    public String idempotencyKey;

    /** Only for the foreign keys: the ids above are what the service reads and writes. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "from_id", insertable = false, updatable = false, foreignKey = @ForeignKey(name = "fk_transfers_from"))
    Account from;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "to_id", insertable = false, updatable = false, foreignKey = @ForeignKey(name = "fk_transfers_to"))
    Account to;

    @Override
    public String toString() {
        return "<Transfer " + id + ": " + amount + " from " + fromId + " to " + toId + ">";
    }
}
