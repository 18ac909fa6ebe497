package io.github.accounts.engine;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps password hashes out of every log line, whatever logs them: echoed bind parameters and rows, and database
 * error messages that quote a row. Plain passwords never reach the database layer, so hashes are all there is to mask.
 */
@LoggingFilter(name = "password-mask")
public final class PasswordMaskingFilter implements Filter {

    /** A bcrypt hash: {@code $2a$10$} followed by 53 characters of salt and digest. */
    static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    static final String MASK = "***";

    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text && BCRYPT.matcher(text).find()) {
                    parameters[i] = mask(text.toString());
                }
            }
        }
        String message = record.getMessage();
        if (message != null && message.indexOf('$') >= 0 && BCRYPT.matcher(message).find()) {
            record.setMessage(mask(message));
        }
        return true;
    }

    static String mask(String text) {
        return BCRYPT.matcher(text).replaceAll(MASK);
    }
}
