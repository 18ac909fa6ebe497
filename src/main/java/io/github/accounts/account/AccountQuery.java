package io.github.accounts.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.accounts.paging.KeysetPage;
import io.github.accounts.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * {@code GET /accounts}' query string: SQLAlchemy's {@code filter_by(...)} and {@code filter(...)} in a URL.
 * {@code tokens=10} is equality; {@code tokens[gte]=10} an operator. Every filter is AND-ed, and the page is keyset:
 * rows with {@code id > after}, at most {@code limit}, by id. Anything it does not know is a 400 naming it.
 */
public record AccountQuery(List<Condition> conditions, KeysetPage page) {

    private static final Pattern KEY = Pattern.compile("([A-Za-z]+)(?:\\[([A-Za-z]+)])?");

    /** The fields one may filter on, with the operators each allows. */
    enum Field {
        ID("id", Operator.values()), TOKENS("tokens", Operator.values()),
        VERIFIED("verified", Operator.EQ, Operator.NE), USERNAME("username", Operator.EQ, Operator.NE);

        final String name;
        final List<Operator> operators;

        Field(String name, Operator... operators) {
            this.name = name;
            this.operators = List.of(operators);
        }
    }

    enum Operator {
        EQ("="), NE("<>"), GT(">"), GTE(">="), LT("<"), LTE("<=");

        final String jpql;

        Operator(String jpql) {
            this.jpql = jpql;
        }
    }

    /** One {@code field op value} clause, its value already of the column's type. */
    public record Condition(Field field, Operator operator, Object value) {
    }

    public static AccountQuery parse(MultivaluedMap<String, String> parameters) {
        List<Condition> conditions = new ArrayList<>();
        KeysetPage page = KeysetPage.FIRST;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            if (parameter.getValue().size() != 1) {
                throw ProblemException.invalid(key, "may be given only once");
            }
            String value = parameter.getValue().get(0);
            if (KeysetPage.names(key)) {
                page = page.with(key, value);
            } else {
                conditions.add(condition(key, value));
            }
        }
        return new AccountQuery(List.copyOf(conditions), page);
    }

    private static Condition condition(String key, String value) {
        Matcher matcher = KEY.matcher(key);
        Field field = matcher.matches() ? fieldNamed(matcher.group(1)) : null;
        if (field == null) {
            throw ProblemException.invalid(key, "unknown filter; use id, username, tokens, verified, limit or after");
        }
        Operator operator = Operator.EQ;
        if (matcher.group(2) != null) {
            operator = field.operators.stream().filter(o -> o.name().equalsIgnoreCase(matcher.group(2))).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(key, "unknown operator for " + field.name + "; use one of "
                            + String.join(", ", field.operators.stream().map(o -> o.name().toLowerCase()).toList())));
        }
        Object typed = switch (field) {
            case ID -> KeysetPage.number(key, value, Long.MIN_VALUE, Long.MAX_VALUE);
            case TOKENS -> (int) KeysetPage.number(key, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case VERIFIED -> bool(key, value);
            case USERNAME -> value; // any text: filter_by matches what it matches
        };
        return new Condition(field, operator, typed);
    }

    private static Field fieldNamed(String name) {
        for (Field field : Field.values()) {
            if (field.name.equals(name)) {
                return field;
            }
        }
        return null;
    }

    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(key, "must be true or false");
        };
    }

    /**
     * The filter as a JPQL condition on the account called {@code alias} (empty: none), with named parameters only,
     * and the values to bind.
     */
    String condition(String alias, Map<String, Object> bindings) {
        List<String> clauses = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            if (condition.value() instanceof String text && text.indexOf('\0') >= 0) {
                // No stored text holds a NUL (PostgreSQL refuses one outright): equal to nothing, unequal to all.
                clauses.add(condition.operator() == Operator.EQ ? "1 = 0" : "1 = 1");
                continue;
            }
            clauses.add(alias + "." + condition.field().name + " " + condition.operator().jpql + " :p" + i);
            bindings.put("p" + i, condition.value());
        }
        page.after().ifPresent(id -> {
            clauses.add(alias + ".id > :after");
            bindings.put("after", id);
        });
        return String.join(" and ", clauses);
    }
}
