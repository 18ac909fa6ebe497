package io.github.accounts;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.github.accounts.problem.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One keyset page of a list ordered by id, as {@code ?limit=N&after=ID} asks for it: rows with {@code id > after}, at
 * most {@code limit}. A query fetches one row more than the limit, so that the answer can say whether more follow
 * ({@code Link: <...>; rel="next"}) without counting.
 */
public record KeysetPage(int limit, Optional<Long> after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final KeysetPage FIRST = new KeysetPage(DEFAULT_LIMIT, Optional.empty());

    /** A page from a query string that holds nothing else; 400 naming any other parameter. */
    public static KeysetPage parse(MultivaluedMap<String, String> parameters) {
        KeysetPage page = FIRST;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            if (!names(key)) {
                throw ProblemException.invalid(key, "unknown parameter; use limit or after");
            }
            if (parameter.getValue().size() != 1) {
                throw ProblemException.invalid(key, "may be given only once");
            }
            page = page.with(key, parameter.getValue().get(0));
        }
        return page;
    }

    /** Whether a query parameter is one of the page's. */
    public static boolean names(String parameter) {
        return parameter.equals("limit") || parameter.equals("after");
    }

    /** This page with one of its parameters set from the query string; 400 naming it when the value is not allowed. */
    public KeysetPage with(String parameter, String value) {
        return switch (parameter) {
            case "limit" -> new KeysetPage((int) number(parameter, value, 1, MAX_LIMIT), after);
            case "after" -> new KeysetPage(limit, Optional.of(number(parameter, value, 0, Long.MAX_VALUE)));
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    /** How many rows a query should fetch: one more than the page shows. */
    public int rowsToFetch() {
        return limit + 1;
    }

    /** 200 with the page's rows as views, and a {@code Link} to the next page when more rows follow. */
    public <T> Response answer(List<T> fetched, ToLongFunction<T> id, Function<T, ?> view, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok();
        List<T> rows = fetched;
        if (fetched.size() > limit) {
            rows = fetched.subList(0, limit);
            URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("after", id.applyAsLong(rows.get(rows.size() - 1)))
                    .replaceQueryParam("limit", limit)
                    .build();
            response.link(next, "next");
        }
        return response.entity(rows.stream().map(view).toList()).build();
    }

    /** An integer query parameter within bounds; 400 naming it otherwise. */
    public static long number(String parameter, String value, long min, long max) {
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(parameter, "must be an integer from " + min + " to " + max);
    }
}
