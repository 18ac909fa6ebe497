package io.github.accounts.paging;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

import org.jboss.resteasy.reactive.RestResponse;

import io.github.accounts.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
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

    /** 200 with the page's rows, and a {@code Link} to the next page when more rows follow. */
    public <T> RestResponse<List<T>> answer(List<T> fetched, ToLongFunction<T> id, UriInfo uri) {
        boolean more = fetched.size() > limit;
        List<T> rows = more ? fetched.subList(0, limit) : fetched;
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(rows);
        if (more) {
            response.header(HttpHeaders.LINK, "<" + next(uri.getRequestUri(), id.applyAsLong(rows.get(rows.size() - 1)))
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    /**
     * The request's URI with {@code after} and {@code limit} set for the page that follows. Every other parameter is
     * kept as the client wrote it, but for the characters a URI may not hold in a query ({@code [ ]}, which
     * {@code java.net.URI} lets through, and non-ASCII), which are percent-encoded. A parameter is the page's when its
     * name decodes to one of the page's, as the query string is read ({@code %6Cimit} too).
     */
    String next(URI request, long lastId) {
        StringBuilder next = new StringBuilder(128).append(request.getScheme()).append("://")
                .append(request.getRawAuthority()).append(request.getRawPath()).append('?');
        String query = request.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                if (!parameter.isEmpty() && !names(decoded(equals < 0 ? parameter : parameter.substring(0, equals)))) {
                    appendEncoded(next, parameter).append('&');
                }
            }
        }
        return next.append("after=").append(lastId).append("&limit=").append(limit).toString();
    }

    private static String decoded(String name) {
        try {
            return name.indexOf('%') < 0 && name.indexOf('+') < 0 ? name : URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name; // not percent-encoding: not a name of the page's either
        }
    }

    private static StringBuilder appendEncoded(StringBuilder uri, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '[' || c == ']' || c > '~') {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    uri.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i = end - 1;
            } else {
                uri.append(c);
            }
        }
        return uri;
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
