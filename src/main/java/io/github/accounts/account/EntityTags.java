package io.github.accounts.account;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.accounts.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** An account's {@code ETag} is its optimistic-locking version, so {@code If-Match} is checked against the row itself. */
final class EntityTags {

    private static final Pattern STRONG = Pattern.compile("\"(\\d{1,18})\"");
    /** Never equal to a version: a weak tag never matches under If-Match's strong comparison. */
    private static final long NO_VERSION = -1;

    private EntityTags() {
    }

    static EntityTag of(Account account) {
        return new EntityTag(Long.toString(account.version));
    }

    /** The version an {@code If-Match} header demands; empty when there is no header or it is {@code *}. */
    static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/") && STRONG.matcher(tag.substring(2)).matches()) {
            return Optional.of(NO_VERSION);
        }
        Matcher strong = STRONG.matcher(tag);
        if (!strong.matches()) {
            throw ProblemException.invalid("If-Match", "must be one entity tag as given by ETag, such as \"3\", or *");
        }
        return Optional.of(Long.parseLong(strong.group(1)));
    }
}
