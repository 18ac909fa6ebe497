package io.github.accounts.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The next page's URI: the request's own, with the page's parameters set, and nothing a URI may not hold in a query. */
class KeysetPageTest {

    private static final KeysetPage PAGE = new KeysetPage(5, Optional.of(3L));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://h/accounts                              | http://h/accounts?after=9&limit=5",
            "http://h:8080/accounts?limit=5&after=3         | http://h:8080/accounts?after=9&limit=5",
            "https://h/accounts?after=3&tokens=1&limit=5    | https://h/accounts?tokens=1&after=9&limit=5",
            "http://h/accounts?%61fter=3&%6c%69mit=5&id=2   | http://h/accounts?id=2&after=9&limit=5",
            "http://h/accounts?tokens[gte]=1&tokens%5Blt%5D=9 | http://h/accounts?tokens%5Bgte%5D=1&tokens%5Blt%5D=9&after=9&limit=5",
            "http://h/accounts?username=Jörg&verified       | http://h/accounts?username=J%C3%B6rg&verified&after=9&limit=5",
            "http://h/accounts?username=%F0%9F%98%80%2B+x   | http://h/accounts?username=%F0%9F%98%80%2B+x&after=9&limit=5",
            "http://h/accounts?username=\uD83D\uDE00        | http://h/accounts?username=%F0%9F%98%80&after=9&limit=5",
            "http://h/accounts?&&tokens=1&&limit+=2         | http://h/accounts?tokens=1&limit+=2&after=9&limit=5",
            "http://h/a%20b/accounts?x=1#fragment           | http://h/a%20b/accounts?x=1&after=9&limit=5",
    })
    void shouldKeepTheOtherParametersAsWrittenAndSetThePage(String request, String next) {
        assertEquals(next, PAGE.next(URI.create(request), 9));
    }
}
