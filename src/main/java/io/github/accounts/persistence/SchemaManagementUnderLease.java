package io.github.accounts.persistence;

import java.sql.SQLException;

import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator.ActionGrouping;
import org.jboss.logging.Logger;

/**
 * Hibernate's schema management at start-up (update: read what exists, then create what is missing) done by one
 * instance at a time, under the {@link StartupLease}: instances starting at once on a new database would otherwise all
 * find the tables missing and all create them, each but the first failing statement by statement.
 * <p>
 * Hibernate calls an integrator (listed in META-INF/services) while it builds the session factory, before the
 * observer that manages the schema; the observer added here runs after that one, and gives the lease back.
 */
public class SchemaManagementUnderLease implements Integrator {

    private static final Logger LOG = Logger.getLogger(SchemaManagementUnderLease.class);

    private StartupLease held;

    @Override
    public synchronized void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
        boolean changesTheSchema = ActionGrouping.interpret(metadata, factory.getProperties()).stream()
                .map(ActionGrouping::databaseAction).anyMatch(action -> action != Action.NONE && action != Action.VALIDATE);
        if (!changesTheSchema) {
            return;
        }
        try {
            held = StartupLease.take();
        } catch (SQLException e) {
            throw new SchemaManagementException("Could not take the start-up lease (" + StartupLease.TABLE + ")", e);
        }
        factory.addObserver(new SessionFactoryObserver() {
            @Override
            public void sessionFactoryCreated(SessionFactory created) {
                giveBack();
            }
        });
    }

    /** Also when building the session factory failed, schema management included. */
    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        giveBack();
    }

    private synchronized void giveBack() {
        if (held == null) {
            return;
        }
        try (StartupLease lease = held) {
            held = null;
        } catch (SQLException e) {
            // Not renewed any more, it expires after StartupLease.TERM.
            LOG.warnf("Could not give the start-up lease back: %s", e.getMessage());
        }
    }
}
