package io.github.accounts.transfer;

import java.util.List;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

import io.github.accounts.paging.KeysetPage;
import io.github.accounts.account.Account;
import io.github.accounts.account.AccountNotFoundException;
import io.github.accounts.persistence.Constraints;
import io.github.accounts.persistence.Contention;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.account.AccountService;
import io.github.accounts.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response.Status;

/**
 * Moving tokens, the tutorial's session at work: read both accounts, change both, add a ledger row, commit once.
 * <p>
 * Both rows are locked by one {@code SELECT ... ORDER BY id FOR UPDATE}, so in the order of their ids: two transfers
 * between the same accounts wait for each other instead of deadlocking, and a balance only changes under its lock, so
 * no update is lost. What contention is left (a lock wait timeout, SQLite's busy single writer, a deadlock the
 * database picked a victim for, two first uses of one idempotency key) is retried here in a new transaction, never
 * handed to the client.
 */
@ApplicationScoped
public class TransferService {

    private final EntityManager session;
    private final Caller caller;
    private final AccountService accounts;

    TransferService(EntityManager session, Caller caller, AccountService accounts) {
        this.session = session;
        this.caller = caller;
        this.accounts = accounts;
    }

    /** What a {@code POST /transfers} did: a new transfer, or the one its idempotency key asked for before. */
    public record Receipt(Transfer transfer, boolean replayed) {
    }

    /** Moves the tokens, or answers the transfer this caller's key already made. */
    public Receipt transfer(TransferRequest request, Optional<String> key) {
        if (request.from().equals(request.to())) {
            throw ProblemException.invalid("to", "must be another account than from");
        }
        if (!caller.mayReach(request.from())) {
            throw new AccountNotFoundException(request.from()); // only an admin moves another account's tokens
        }
        long requestedBy = caller.accountId();
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> attempt(request, key, requestedBy));
            } catch (RuntimeException e) {
                boolean keyTaken = key.isPresent() && Constraints.violated(e, ConstraintKind.UNIQUE);
                if (keyTaken && attempt == Contention.ATTEMPTS) {
                    throw new ProblemException(Status.CONFLICT, ProblemTypes.CONCURRENT_UPDATE,
                            "another request with this Idempotency-Key is being made at the same time; retry it");
                }
                if (attempt == Contention.ATTEMPTS || !(Contention.isRetryable(e) || keyTaken)) {
                    throw e;
                }
                Contention.pause(attempt);
            }
        }
    }

    private Receipt attempt(TransferRequest request, Optional<String> key, long requestedBy) {
        Optional<Transfer> earlier = key.flatMap(k -> earlier(requestedBy, k));
        if (earlier.isPresent()) {
            if (!request.sameAs(earlier.get())) {
                throw new ProblemException(Status.CONFLICT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for another transfer (" + earlier.get().id + "); use a new key");
            }
            return new Receipt(earlier.get(), true);
        }
        List<Account> locked = session.createQuery("from Account where id in (:from, :to) order by id", Account.class)
                .setParameter("from", request.from()).setParameter("to", request.to())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Account from = locked.stream().filter(a -> a.id.equals(request.from())).findFirst()
                .orElseThrow(() -> new AccountNotFoundException(request.from()));
        Account to = locked.stream().filter(a -> a.id.equals(request.to())).findFirst()
                .orElseThrow(() -> new AccountNotFoundException(request.to()));
        int amount = request.amount();
        if (from.tokens < amount) {
            throw new ProblemException(Status.CONFLICT, ProblemTypes.INSUFFICIENT_TOKENS,
                    "account " + from.id + " holds " + from.tokens + " tokens, fewer than " + amount + "; nothing was moved");
        }
        if (to.tokens > Integer.MAX_VALUE - amount) {
            throw new ProblemException(Status.CONFLICT, ProblemTypes.TOO_MANY_TOKENS,
                    "account " + to.id + " cannot hold " + amount + " more tokens; nothing was moved");
        }
        from.tokens -= amount;
        to.tokens += amount;
        Transfer transfer = new Transfer();
        transfer.fromId = from.id;
        transfer.toId = to.id;
        transfer.amount = amount;
        transfer.requestedBy = requestedBy;
        transfer.idempotencyKey = key.orElse(null);
        session.persist(transfer);
        session.flush();
        return new Receipt(transfer, false);
    }

    /** The transfer this caller made with this key, if any. */
    private Optional<Transfer> earlier(long caller, String key) {
        return session.createQuery("from Transfer where requestedBy = :caller and idempotencyKey = :key", Transfer.class)
                .setParameter("caller", caller).setParameter("key", key).getResultStream().findFirst();
    }

    /** One transfer, if the caller is an admin or one of its two accounts; 404 otherwise (its existence is not revealed). */
    public Transfer find(long id) {
        Transfer transfer = session.find(Transfer.class, id);
        if (transfer == null || !(caller.mayReach(transfer.fromId) || caller.mayReach(transfer.toId))) {
            throw new ProblemException(Status.NOT_FOUND, ProblemTypes.NOT_FOUND, "no transfer with id " + id);
        }
        return transfer;
    }

    /** A page of the account's ledger, both directions, by id: one row more than the page shows. */
    public List<Transfer> ledger(long accountId, KeysetPage page) {
        accounts.find(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        return session.createQuery("from Transfer where (fromId = :account or toId = :account) and id > :after order by id",
                Transfer.class)
                .setParameter("account", accountId).setParameter("after", page.after().orElse(0L))
                .setMaxResults(page.rowsToFetch()).getResultList();
    }
}
