package io.github.accounts.engine;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Echoes transaction boundaries the way SQLAlchemy does: {@code BEGIN (implicit)}, then {@code COMMIT} or {@code ROLLBACK}. */
@ApplicationScoped
class TransactionEcho {

    private static final Logger LOG = Logger.getLogger(Engine.SQL);

    private final Engine engine;
    private final TransactionSynchronizationRegistry transactions;

    TransactionEcho(Engine engine, TransactionSynchronizationRegistry transactions) {
        this.engine = engine;
        this.transactions = transactions;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!engine.echoing()) {
            return;
        }
        LOG.debug("BEGIN (implicit)");
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                LOG.debug(status == Status.STATUS_COMMITTED ? "COMMIT" : "ROLLBACK");
            }
        });
    }
}
