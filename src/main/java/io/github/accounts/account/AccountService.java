package io.github.accounts.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.StatelessSession;

import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.security.AccountAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

/**
 * The work, done through the session as the tutorial does it: {@code add}, {@code commit}, {@code query}, {@code delete}.
 * The {@link EntityManager} is SQLAlchemy's {@code session}: one per request, one transaction per write. Each write
 * reaches the database before it returns, so a duplicate username or a lost update surfaces here, where it can be
 * answered. A patch or a delete, which changes one row it has just read, is a single statement (see {@link #update}).
 */
@ApplicationScoped
public class AccountService {

    private final EntityManager session;
    private final SessionFactory sessions;
    private final PasswordHasher hasher;
    private final AccountAccess access;

    AccountService(EntityManager session, SessionFactory sessions, PasswordHasher hasher, AccountAccess access) {
        this.session = session;
        this.sessions = sessions;
        this.hasher = hasher;
        this.access = access;
    }

    /** {@code POST /accounts}: 403 when someone but an admin sets an admin-only field, else {@link #add(List)}. */
    @Transactional
    public List<Account> create(NewAccounts body) {
        access.requireAdminFor(body.adminOnlyFields());
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
        session.flush();
        return accounts;
    }

    /**
     * {@code session.query(Account).filter(...).order_by(Account.id).limit(n)}, read as the views it answers with (no
     * entity to track): one more row than asked, to tell whether more follow.
     */
    public List<AccountView> list(AccountQuery query) {
        Map<String, Object> bindings = new HashMap<>();
        return access.query(AccountView.COLUMNS, AccountView::of, query.condition("a", bindings), bindings,
                query.page().rowsToFetch());
    }

    /**
     * Fetch (as far as the caller may reach and change it), change, write. The write is one statement,
     * {@code update accounts set ... where id = ? and version = ?}, the whole transaction (Hibernate's stateless
     * session, committed as it runs): it changes the row only as the fetch found it, so no change made in between is
     * lost, and it costs no round trip of its own to begin or commit. {@code expectedVersion} is the client's
     * {@code If-Match}: a mismatch, or a change by someone else between the fetch and the write, is a 412 (a 409
     * without If-Match).
     * <p>
     * On PostgreSQL a recently verified caller's patch is first tried as one statement that changes the row only if
     * the caller's own row confirms the sign-in ({@link AccountAccess#changeIfCallerMatches}): no fetch, no window
     * between a fetch and the write. If it changes nothing, the fetch above tells why.
     */
    public Account update(long id, AccountPatch patch, Optional<Long> expectedVersion) {
        if (patch.password() == null) { // a new password is hashed only once the caller is confirmed
            Map<String, Object> bindings = new HashMap<>();
            Optional<Account> changed = access.changeIfCallerMatches(id, patch.adminOnlyFields(),
                    assignments(patch, bindings), bindings, expectedVersion);
            if (changed.isPresent()) {
                return changed.get();
            }
        }
        Account account = access.findToChange(id, patch.adminOnlyFields());
        if (expectedVersion.isPresent() && expectedVersion.get() != account.version) {
            throw stale(id);
        }
        if (patch.username() != null) {
            account.username = patch.username();
        }
        if (patch.password() != null) {
            account.password = hasher.hash(patch.password());
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
        try (StatelessSession writer = sessions.openStatelessSession()) {
            writer.update(account);
        } catch (OptimisticLockException | StaleStateException e) {
            throw expectedVersion.isPresent() ? stale(id) : concurrentUpdate(id);
        }
        return account;
    }

    /**
     * {@code session.delete(account); session.commit()}, for an account the caller may reach: fetch, then one
     * statement, {@code delete from accounts where id = ? and version = ?}, the whole transaction, as {@link #update}
     * writes. The fetch holds no connection once it has read, so a sign-in it has to check afresh (and the failure it
     * counts, in a transaction of its own) finds one even in a pool of one. A change by someone else in between is a 409.
     */
    public void delete(long id) {
        Account account = access.findToChange(id, List.of());
        try (StatelessSession writer = sessions.openStatelessSession()) {
            writer.delete(account);
        } catch (OptimisticLockException | StaleStateException e) {
            throw concurrentUpdate(id);
        }
    }

    /**
     * The patch as SQL assignments to the account called {@code a}, each followed by a comma, for a change made in one
     * statement. Like the entity write, it stores the defaults of the columns another program left empty.
     */
    private static String assignments(AccountPatch patch, Map<String, Object> bindings) {
        StringBuilder set = new StringBuilder();
        assign(set, bindings, "username", patch.username(), null);
        assign(set, bindings, "tokens", patch.tokens(), Account.DEFAULT_TOKENS);
        assign(set, bindings, "verified", patch.verified(), false);
        assign(set, bindings, "role", patch.role(), null);
        return set.toString();
    }

    private static void assign(StringBuilder set, Map<String, Object> bindings, String column, Object value,
            Object columnDefault) {
        if (value != null) {
            set.append(column).append(" = :new_").append(column).append(", ");
            bindings.put("new_" + column, value);
        } else if (columnDefault != null) {
            set.append(column).append(" = coalesce(a.").append(column).append(", ").append(columnDefault).append("), ");
        }
    }

    private static ProblemException concurrentUpdate(long id) {
        return new ProblemException(Status.CONFLICT, ProblemTypes.CONCURRENT_UPDATE,
                "account " + id + " was changed by another request at the same time; fetch it and retry");
    }

    private static ProblemException stale(long id) {
        return new ProblemException(Status.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION,
                "account " + id + " has changed since the version in If-Match; fetch it again");
    }
}
