package io.github.accounts.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.exception.ConstraintViolationException.ConstraintKind;

import io.github.accounts.persistence.Constraints;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.security.Caller;
import io.github.accounts.security.PasswordHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

/**
 * The work, done through the session as the tutorial does it: {@code add}, {@code commit}, {@code query}, {@code delete}.
 * The {@link EntityManager} is SQLAlchemy's {@code session}: one per request, one transaction per write. Each write
 * reaches the database before it returns ({@code flush}), so a duplicate username surfaces here, where it can be
 * answered. Who may reach which account is the {@link Caller}'s to say.
 */
@ApplicationScoped
public class AccountService {

    private final EntityManager session;
    private final PasswordHasher hasher;
    private final Caller caller;

    AccountService(EntityManager session, PasswordHasher hasher, Caller caller) {
        this.session = session;
        this.hasher = hasher;
        this.caller = caller;
    }

    /** {@code POST /accounts}: 403 when someone but an admin sets an admin-only field, else {@link #add(List)}. */
    @Transactional
    public List<Account> create(NewAccounts body) {
        caller.requireAdminFor(body.adminOnlyFields());
        return add(body.all());
    }

    /** {@code session.add_all([...]); session.commit()}: all or nothing. Hashing runs on all cores, before any SQL. */
    @Transactional
    public List<Account> add(List<NewAccount> requests) {
        List<String> hashes = hasher.hashAll(requests.stream().map(NewAccount::password).toList());
        List<Account> accounts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            NewAccount request = requests.get(i);
            Account account = new Account();
            account.username = request.username();
            account.password = hashes.get(i);
            account.tokens = request.tokens() == null ? Account.DEFAULT_TOKENS : request.tokens();
            account.verified = request.verified() != null && request.verified();
            account.role = request.role() == null ? Account.DEFAULT_ROLE : request.role();
            session.persist(account);
            accounts.add(account);
        }
        flush();
        return accounts;
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
     * Fetch, change, commit, with the row locked from the fetch to the commit: concurrent patches of one account each
     * apply in turn to the row as the one before left it, on every database. {@code expectedVersion} is the client's
     * {@code If-Match}: a row at another version is a 412, and nothing changes. A new password is hashed before the
     * transaction, so no lock is held while bcrypt runs.
     */
    public Account update(long id, AccountPatch patch, Optional<Long> expectedVersion) {
        if (!caller.mayReach(id)) {
            throw new AccountNotFoundException(id);
        }
        caller.requireAdminFor(patch.adminOnlyFields());
        String hash = patch.password() == null ? null : hasher.hash(patch.password());
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = findToChange(id);
            if (expectedVersion.isPresent() && expectedVersion.get() != account.version) {
                throw new ProblemException(Status.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION,
                        "account " + id + " has changed since the version in If-Match; fetch it again");
            }
            if (patch.username() != null) {
                account.username = patch.username();
            }
            if (hash != null) {
                account.password = hash;
            }
            if (patch.tokens() != null) {
                account.tokens = patch.tokens();
            }
            if (patch.verified() != null) {
                account.verified = patch.verified();
            }
            if (patch.role() != null) {
                account.role = patch.role();
            }
            flush();
            return account;
        });
    }

    /** {@code session.delete(account); session.commit()}, for an account the caller may reach. */
    @Transactional
    public void delete(long id) {
        session.remove(findToChange(id));
        flush(ConstraintKind.FOREIGN_KEY, new ProblemException(Status.CONFLICT, ProblemTypes.ACCOUNT_HAS_TRANSFERS,
                "the account has transfers in the ledger, which keeps them; it cannot be deleted"));
    }

    /** Sends the session's changes now, inside the transaction, where a taken username is SQLAlchemy's IntegrityError. */
    private void flush() {
        flush(ConstraintKind.UNIQUE, new ProblemException(Status.CONFLICT, ProblemTypes.DUPLICATE_USERNAME,
                "an account with this username already exists"));
    }

    /** Sends the session's changes now; a broken constraint of that kind is that problem. */
    private void flush(ConstraintKind kind, ProblemException problem) {
        try {
            session.flush();
        } catch (PersistenceException e) {
            throw Constraints.violated(e, kind) ? problem : e;
        }
    }

    /** The row a write changes, locked until the write commits; 404 when the caller may not reach it. */
    private Account findToChange(long id) {
        Account account = caller.mayReach(id) ? session.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE) : null;
        if (account == null) {
            throw new AccountNotFoundException(id);
        }
        return account;
    }
}
