package io.github.accounts.security;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

import io.github.accounts.account.Account;
import io.github.accounts.account.AccountNotFoundException;
import io.github.accounts.persistence.SecretString;
import io.github.accounts.problem.Problem;
import io.github.accounts.problem.ProblemException;
import io.github.accounts.problem.ProblemTypes;
import io.github.accounts.security.AccountIdentityProvider.StoredCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.Response.Status;

/**
 * The one door through which the account API asks who may do what: an admin reaches every account, anyone else only
 * their own, and only an admin sets admin-only fields. {@code account/} itself knows nothing of the caller.
 * <p>
 * {@link #find(long)} is {@code session.get(Account, id)} as the caller may see it, {@link #query} the admin's
 * {@code session.query(Account)}. A recently verified sign-in is confirmed by the same statement, which fetches the
 * caller's own row (and its lockout) too: one round trip to the database where a separate sign-in read would make it
 * two.
 */
@ApplicationScoped
public class AccountAccess {

    private final EntityManager session;
    private final SessionFactory sessions;
    private final Caller caller;
    /** Whether a change can confirm the caller in its own statement ({@link #changeIfCallerMatches}). */
    private final boolean oneStatementChanges;
    /** The stored password's type, to bind the remembered hash with: never echoed. */
    private final BasicType<String> secret;

    AccountAccess(EntityManager session, SessionFactory sessions, Caller caller) {
        this.session = session;
        this.sessions = sessions;
        this.caller = caller;
        this.oneStatementChanges = sessions.unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof PostgreSQLDialect;
        this.secret = SecretString.type(sessions);
    }

    /** The account, or empty if there is none or the caller may not reach it (not told apart). */
    public Optional<Account> find(long id) {
        OptionalLong unconfirmed = caller.unconfirmedAccountId();
        if (unconfirmed.isEmpty()) {
            return caller.mayReach(id) ? Optional.ofNullable(session.find(Account.class, id)) : Optional.empty();
        }
        long own = unconfirmed.getAsLong();
        boolean fetchTarget = caller.claimsToReach(id);
        List<Object[]> rows = session.createQuery(SignInFailure.WITH_CALLER, Object[].class)
                .setParameter("id", fetchTarget ? id : own).setParameter("caller", own).getResultList();
        caller.confirm(rows.stream().filter(row -> account(row).id == own).findFirst()
                .map(row -> StoredCredential.of(account(row), (Integer) row[1], (Long) row[2])));
        if (!caller.mayReach(id)) {
            return Optional.empty();
        }
        return fetchTarget ? rows.stream().map(AccountAccess::account).filter(row -> row.id == id).findFirst()
                : Optional.ofNullable(session.find(Account.class, id));
    }

    /**
     * {@code session.query(Account.id, ...).filter(...).order_by(Account.id).limit(n)}, for an admin only (403 for
     * anyone else, before any row leaves here): the {@code columns} of the account called {@code a}, its id first, each
     * row read by {@code reader}. {@code condition} is the filter on {@code a} (empty: none). A recently verified
     * sign-in is confirmed by the same statement, which adds the caller's credential (and its lockout) to each row.
     */
    public <T> List<T> query(String columns, Function<Object[], T> reader, String condition, Map<String, Object> bindings,
            int maxRows) {
        OptionalLong unconfirmed = caller.unconfirmedAccountId();
        if (unconfirmed.isEmpty()) {
            caller.requireAdmin();
            String where = condition.isEmpty() ? "" : " where " + condition;
            return select("select " + columns + " from Account a" + where + " order by a.id", bindings, maxRows).stream()
                    .map(reader).toList();
        }
        long own = unconfirmed.getAsLong();
        Map<String, Object> all = new HashMap<>(bindings);
        all.put("caller", own);
        List<Object[]> rows = select(SignInFailure.rowsWithCaller(columns, condition.isEmpty() ? "1 = 1" : condition), all,
                maxRows);
        caller.confirm(rows.stream().findFirst().map(row -> callerCredential(own, row)));
        caller.requireAdmin();
        return rows.stream().filter(row -> row[0] != null).map(reader).toList();
    }

    /** The caller's credential from the last columns of a row of {@link SignInFailure#rowsWithCaller}. */
    private static StoredCredential callerCredential(long own, Object[] row) {
        int c = row.length - SignInFailure.CALLER_COLUMNS;
        return new StoredCredential(own, (String) row[c], (String) row[c + 1], (String) row[c + 2], (Integer) row[c + 3],
                (Long) row[c + 4]);
    }

    private List<Object[]> select(String hql, Map<String, Object> bindings, int maxRows) {
        TypedQuery<Object[]> select = session.createQuery(hql, Object[].class);
        bindings.forEach(select::setParameter);
        return select.setMaxResults(maxRows).getResultList();
    }

    /**
     * The caller's own account. A recently verified sign-in names its account and the read confirms it; if the caller
     * now signs in as another account (re-created since), that one is read.
     */
    public Account me() {
        caller.requireSignedIn();
        long claimed = caller.unconfirmedAccountId().orElseGet(caller::accountId);
        Optional<Account> account = find(claimed);
        long own = caller.accountId();
        return (own == claimed ? account : find(own)).orElseThrow(() -> new AccountNotFoundException(own));
    }

    /**
     * The account a write is about to change, read by the statement that confirms a recently verified sign-in, so that
     * nothing is written on a remembered credential alone: 404 for an account the caller may not reach (its existence
     * is not revealed), 403 when someone but an admin sets any of the admin-only fields.
     */
    public Account findToChange(long id, List<String> adminOnlyFields) {
        Account account = find(id).orElseThrow(() -> new AccountNotFoundException(id));
        requireAdminFor(adminOnlyFields);
        return account;
    }

    /**
     * The account changed by one statement, where the database allows it (PostgreSQL): {@code assignments} (each
     * followed by a comma, on the account called {@code a}, with their {@code bindings}) are made, at
     * {@code expectedVersion} if given, only where the caller's row still matches its recently verified credential and
     * may make them; so nothing is written on a remembered credential alone, and the statement confirms it. Empty when
     * it changed nothing, or was not tried (a confirmed sign-in, a change the remembered role would not allow): then
     * nothing is decided, and {@link #findToChange} tells why.
     */
    public Optional<Account> changeIfCallerMatches(long id, List<String> adminOnlyFields, String assignments,
            Map<String, Object> bindings, Optional<Long> expectedVersion) {
        Optional<StoredCredential> row = oneStatementChanges ? caller.rowThatConfirms() : Optional.empty();
        if (row.isEmpty() || !(Caller.ADMIN.equals(row.get().role()) || row.get().id() == id && adminOnlyFields.isEmpty())) {
            return Optional.empty();
        }
        List<Account> changed;
        try (StatelessSession writer = sessions.openStatelessSession()) {
            NativeQuery<Account> change = writer.createNativeQuery(
                    SignInFailure.changeWhereCallerMatches(assignments, expectedVersion.isPresent()), Account.class);
            bindings.forEach(change::setParameter);
            expectedVersion.ifPresent(version -> change.setParameter("version", version));
            changed = change.setParameter("id", id).setParameter("caller", row.get().id())
                    .setParameter("username", row.get().username()).setParameter("password", row.get().password(), secret)
                    .setParameter("role", row.get().role()).setParameter("now", Instant.now(), StandardBasicTypes.INSTANT)
                    .getResultList();
        }
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        caller.confirm(row);
        return Optional.of(changed.get(0));
    }

    /** The signed-in caller's own account id. */
    public long callerId() {
        return caller.accountId();
    }

    /** Whether the caller may act for that account, or see what concerns it: an admin for every one, anyone else its own. */
    public boolean mayReach(long accountId) {
        return caller.mayReach(accountId);
    }

    /** 403 naming the fields, when someone but an admin sets any of these admin-only fields. */
    public void requireAdminFor(List<String> fields) {
        if (!fields.isEmpty() && !caller.isAdmin()) {
            List<String> named = fields.stream().distinct().sorted().toList();
            throw new ProblemException(Status.FORBIDDEN, ProblemTypes.FORBIDDEN, "only an admin may set "
                    + String.join(", ", named), named.stream().map(f -> new Problem.FieldError(f, "only an admin may set it")).toList());
        }
    }

    private static Account account(Object[] row) {
        return (Account) row[0];
    }
}
