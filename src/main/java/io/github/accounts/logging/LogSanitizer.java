package io.github.accounts.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import io.quarkus.logging.LoggingFilter;

/**
 * What every log line passes through, whatever logs it. Values (the parameters of a log call, where client-sent text
 * and echoed SQL parameters arrive) get their control characters escaped, so that a {@code \n} in a JSON key or a
 * filter value cannot forge a line. Password hashes are masked, also in messages: database error messages may quote a
 * row. (Echo never shows the password column at all: see {@code SecretString}.)
 */
@LoggingFilter(name = "sanitize")
public final class LogSanitizer implements Filter {

    /** A bcrypt hash: {@code $2a$10$} followed by 53 characters of salt and digest. */
    static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    static final String MASK = "***";

    @Override
    public boolean isLoggable(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof CharSequence text) {
                    parameters[i] = escapeControls(mask(text.toString()));
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
        return text.indexOf('$') < 0 ? text : BCRYPT.matcher(text).replaceAll(MASK);
    }

    /** {@code \n}, {@code \r}, {@code \t} as such, every other control character (and line separators) as {@code \}{@code uXXXX}. */
    static String escapeControls(String text) {
        int first = 0;
        while (first < text.length() && !control(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (control(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static boolean control(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
