package io.github.accounts.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

import io.github.accounts.logging.RequestWorkers;
import io.github.accounts.persistence.Constraints;
import io.github.accounts.persistence.Contention;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.security.Caller;
import io.github.accounts.security.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response.Status;

/**
 * The work, done through the session as the tutorial does it: {@code add}, {@code commit}, {@code query}, {@code delete}.
 * The {@link EntityManager} is SQLAlchemy's {@code session}: one per request, one transaction per write. Each write
 * reaches the database before it returns, so a duplicate username surfaces here, where it can be answered. A patch and
 * a delete change one row, each with one statement committed as it runs (Hibernate's stateless session). Who may reach
 * which account is the {@link Caller}'s to say.
 */
@ApplicationScoped
public class AccountService {

    private final EntityManager session;
    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final Caller caller;

    AccountService(EntityManager session, SessionFactory sessions, PasswordHasher hasher, Caller caller) {
        this.session = session;
        this.sessions = sessions;
        this.hasher = hasher;
        this.caller = caller;
    }

    /**
     * {@code POST /accounts}: 403 when someone but an admin sets an admin-only field or sends more than
     * {@link AccountRules#MAX_UNPRIVILEGED_BATCH} accounts, else {@link #add(List, String)}.
     */
    public Uni<List<Account>> create(NewAccounts body) {
        caller.requireAdminFor(body.adminOnlyFields());
        if (body.all().size() > AccountRules.MAX_UNPRIVILEGED_BATCH) {
            caller.requireAdminTo("create more than " + AccountRules.MAX_UNPRIVILEGED_BATCH + " accounts in one request");
        }
        return add(body.all(), caller.bcryptShare());
    }

    /**
     * {@code session.add_all([...]); session.commit()}: all or nothing. The passwords are hashed first, on bcrypt's own
     * threads with no thread of the service waiting, and only then is a transaction opened, on a worker thread. The
     * hashing counts against {@code client}'s share of bcrypt's budget ({@link Caller#bcryptShare()}; null: none).
     */
    public Uni<List<Account>> add(List<NewAccount> requests, String client) {
        return Uni.createFrom().completionStage(() -> hasher.hashAllLater(requests.stream().map(NewAccount::password).toList(), client))
                .emitOn(RequestWorkers.ofThisCall())
                .map(hashes -> QuarkusTransaction.joiningExisting().call(() -> persistAll(requests, hashes)));
    }

    private List<Account> persistAll(List<NewAccount> requests, List<String> hashes) {
        List<Account> accounts = new ArrayList<>(requests.size());
        try {
            for (int i = 0; i < requests.size(); i++) {
                accounts.add(persist(requests.get(i), hashes.get(i)));
            }
            session.flush();
        } catch (PersistenceException e) {
            throw Constraints.violated(e, ConstraintKind.UNIQUE) ? usernameTaken() : e;
        }
        return accounts;
    }

    private Account persist(NewAccount request, String hash) {
        Account account = new Account();
        account.username = request.username();
        account.password = hash;
        account.tokens = request.tokens() == null ? Account.DEFAULT_TOKENS : request.tokens();
        account.verified = request.verified() != null && request.verified();
        account.role = request.role() == null ? Account.DEFAULT_ROLE : request.role();
        session.persist(account);
        return account;
    }

    /** {@code session.get(Account, id)}, or empty if there is none or the caller may not reach it (not told apart). */
    public Optional<Account> find(long id) {
        return caller.mayReach(id) ? Optional.ofNullable(session.find(Account.class, id)) : Optional.empty();
    }

    /** The caller's own account. */
    public Account me() {
        long own = caller.accountId();
        return find(own).orElseThrow(() -> new AccountNotFoundException(own));
    }

    /**
     * {@code session.query(Account).filter(...).order_by(Account.id).limit(n)}, read as the views it answers with (no
     * entity to build and track per row): one more row than asked, to tell whether more follow.
     */
    public List<AccountView> list(AccountQuery query) {
        Map<String, Object> bindings = new HashMap<>();
        String condition = query.condition("a", bindings);
        TypedQuery<AccountView> select = session.createQuery("select " + AccountView.SELECTION + " from Account a"
                + (condition.isEmpty() ? "" : " where " + condition) + " order by a.id", AccountView.class);
        bindings.forEach(select::setParameter);
        return select.setMaxResults(query.page().rowsToFetch()).getResultList();
    }

    /**
     * Fetch, change, write: the write is one statement, {@code update accounts set ... where id = ? and version = ?},
     * committed as it runs (Hibernate's stateless session), so it changes the row only as the fetch found it.
     * {@code expectedVersion} is the client's {@code If-Match}: a row at another version is a 412, and nothing changes.
     * Without it the patch is unconditional (see {@link #fetchAndWrite}). A new password is hashed once, first, on
     * bcrypt's own threads with no thread of the service waiting for it.
     */
    public Uni<Account> update(long id, AccountPatch patch, Optional<Long> expectedVersion) {
        requireReach(id);
        caller.requireAdminFor(patch.adminOnlyFields());
        Uni<String> hash = patch.password() == null ? Uni.createFrom().nullItem()
                : Uni.createFrom().completionStage(() -> hasher.hashLater(patch.password(), caller.bcryptShare()))
                        .emitOn(RequestWorkers.ofThisCall());
        return hash.map(newHash -> {
            try {
                return fetchAndWrite(id, expectedVersion, (writer, account) -> {
                    patch.applyTo(account, newHash);
                    writer.update(account);
                });
            } catch (PersistenceException e) {
                throw Constraints.violated(e, ConstraintKind.UNIQUE) ? usernameTaken() : e;
            }
        });
    }

    /**
     * {@code session.delete(account); session.commit()}, for an account the caller may reach: fetch, then one statement,
     * {@code delete from accounts where id = ? and version = ?}, committed as it runs.
     */
    public void delete(long id) {
        requireReach(id);
        try {
            fetchAndWrite(id, Optional.empty(), StatelessSession::delete);
        } catch (PersistenceException e) {
            if (Constraints.violated(e, ConstraintKind.FOREIGN_KEY)) {
                throw new ProblemException(Status.CONFLICT, ProblemTypes.ACCOUNT_HAS_TRANSFERS,
                        "the account has transfers in the ledger, which keeps them; it cannot be deleted");
            }
            throw e;
        }
    }

    /**
     * Fetches the account and writes it with a versioned statement. At {@code expectedVersion}, another version (when
     * fetched or when written) is a 412. Without it, a change made by someone else in between is fetched again and the
     * write made on it, up to {@link Contention#ATTEMPTS} times (then a 503: the database is busy).
     */
    private Account fetchAndWrite(long id, Optional<Long> expectedVersion, BiConsumer<StatelessSession, Account> write) {
        try (StatelessSession writer = sessions.openStatelessSession()) {
            for (int attempt = 1;; attempt++) {
                Account account = writer.get(Account.class, id);
                if (account == null) {
                    throw new AccountNotFoundException(id);
                }
                if (expectedVersion.isPresent() && expectedVersion.get() != account.version) {
                    throw stale(id);
                }
                try {
                    write.accept(writer, account);
                    return account;
                } catch (OptimisticLockException | StaleStateException e) {
                    if (expectedVersion.isPresent()) {
                        throw stale(id);
                    }
                    if (attempt == Contention.ATTEMPTS) {
                        throw e;
                    }
                    Contention.pause(attempt);
                }
            }
        }
    }

    /** 404 for an account the caller may not reach, whether or not it exists (not told apart). */
    private void requireReach(long id) {
        if (!caller.mayReach(id)) {
            throw new AccountNotFoundException(id);
        }
    }

    private static ProblemException stale(long id) {
        return new ProblemException(Status.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION,
                "account " + id + " has changed since the version in If-Match; fetch it again");
    }

    private static ProblemException usernameTaken() {
        return new ProblemException(Status.CONFLICT, ProblemTypes.DUPLICATE_USERNAME, "an account with this username already exists");
    }
}
