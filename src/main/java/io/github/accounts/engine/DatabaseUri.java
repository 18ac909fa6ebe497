package io.github.accounts.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A SQLAlchemy-style database URI, {@code dialect[+driver]://[username[:password]@]host[:port]/database[?key=value&...]},
 * and the JDBC URL it stands for. A server may be named several times, as SQLAlchemy and libpq do:
 * {@code postgresql://user@/db?host=h1:5432&host=h2:5433&target_session_attrs=read-write} (or libpq's
 * {@code postgresql://user@h1:5432,h2:5433/db}); the driver then connects to them in order with its own failover.
 * {@link #toString()} masks the password as {@code ***}, as SQLAlchemy's {@code repr(engine)} does, so an instance is
 * always safe to log.
 */
public record DatabaseUri(Dialect dialect, Optional<String> driver, Optional<String> username, Optional<String> password,
        List<Host> hosts, String database, Map<String, String> parameters) {

    /** One server: a name or address ({@code [::1]} for IPv6), and a port unless the driver's default. */
    public record Host(String name, Optional<Integer> port) {
        @Override
        public String toString() {
            return port.map(p -> name + ":" + p).orElse(name);
        }
    }

    /**
     * libpq's {@code target_session_attrs} (which pgJDBC ignores) as pgJDBC's {@code targetServerType}: which of the
     * hosts a connection may be opened to.
     */
    private static final Map<String, String> TARGET_SERVER_TYPES = Map.of("any", "any", "read-write", "primary",
            "primary", "primary", "read-only", "secondary", "standby", "secondary", "prefer-standby", "preferSecondary");
    private static final String TARGET_SESSION_ATTRS = "target_session_attrs";

    /** An H2 file database under {@code ./data}, created on first start. */
    public static final String DEFAULT = "h2:///data/accounts";

    private static final String SQLITE_FORMS = "sqlite:///relative.db, sqlite:////absolute.db, or sqlite:// in memory";

    static final String SYNTAX = "dialect[+driver]://[username[:password]@]host[:port]/database[?key=value&...]";
    private static final String MEMORY = ":memory:";
    /**
     * How the service opens a SQLite file (a URI's own parameters win): write-ahead logging, so readers never wait for
     * the writer (a writer that finds the database busy waits up to {@code database.wait-limit}); and every transaction
     * takes the write lock when it begins, so two read-then-write transactions queue up instead of one failing with
     * SQLITE_BUSY_SNAPSHOT half-way.
     */
    static final Map<String, String> SQLITE_PRAGMAS = Map.of("journal_mode", "WAL", "transaction_mode", "IMMEDIATE",
            "foreign_keys", "true");
    /**
     * How the service opens an H2 file (a URI's own settings win): every commit is written to the file before it is
     * acknowledged, where H2 would otherwise write up to half a second later and lose those commits to a {@code kill -9}.
     */
    static final Map<String, String> H2_FILE_SETTINGS = Map.of("WRITE_DELAY", "0");
    private static final String MASK = "***";

    public static DatabaseUri parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw invalid("is empty; expected " + SYNTAX);
        }
        String text = uri.strip();
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            throw invalid("'" + masked(text) + "' is not of the form " + SYNTAX);
        }
        String scheme = text.substring(0, schemeEnd);
        String dialectName = scheme;
        Optional<String> driver = Optional.empty();
        int plus = scheme.indexOf('+');
        if (plus >= 0) {
            dialectName = scheme.substring(0, plus);
            driver = Optional.of(scheme.substring(plus + 1));
        }
        String name = dialectName;
        Dialect dialect = Dialect.fromUriName(name).orElseThrow(() -> invalid("unknown dialect '" + name
                + "' in '" + masked(text) + "'; use one of h2, sqlite, postgresql (or postgres), mysql, mariadb"));
        if (driver.isPresent() && !dialect.acceptsDriver(driver.get())) {
            throw invalid("unknown driver '" + driver.get() + "' for dialect " + dialect.uriName() + " in '" + masked(text)
                    + "'; leave it out or use one of: " + dialect.acceptedDrivers());
        }

        String rest = text.substring(schemeEnd + 3);
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> hostParameters = new ArrayList<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            parseQuery(rest.substring(question + 1), text, parameters, hostParameters);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String database = slash >= 0 ? rest.substring(slash + 1) : "";

        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (user.isEmpty()) {
                throw invalid("names a password but no username in '" + masked(text) + "'");
            }
            username = Optional.of(percentDecode(user, "username", text));
            if (colon >= 0) {
                password = Optional.of(percentDecode(userInfo.substring(colon + 1), "password", text));
            }
        }

        if (dialect == Dialect.SQLITE && (!authority.isEmpty() || username.isPresent() || !hostParameters.isEmpty())) {
            throw invalid("names a server in '" + masked(text) + "', but SQLite is a file: " + SQLITE_FORMS);
        }
        if (!authority.isEmpty() && !hostParameters.isEmpty()) {
            throw invalid("names hosts both before the database and as host= parameters in '" + masked(text)
                    + "'; use one or the other");
        }
        List<String> named = authority.isEmpty() ? hostParameters : List.of(authority.split(",", -1));
        List<Host> hosts = new ArrayList<>();
        for (String host : named) {
            hosts.add(parseHost(host, text));
        }
        if (!dialect.embedded() && hosts.isEmpty()) {
            throw invalid("names no host in '" + masked(text) + "'; expected " + SYNTAX
                    + " or several hosts as ...@/database?host=h1:port&host=h2:port");
        }
        if (hosts.size() > 1 && dialect.embedded()) {
            throw invalid("names several hosts in '" + masked(text) + "', but " + dialect.uriName() + " has one server");
        }
        String attrs = parameters.get(TARGET_SESSION_ATTRS);
        if (attrs != null && dialect != Dialect.POSTGRESQL) {
            throw invalid("has target_session_attrs in '" + masked(text) + "', which only PostgreSQL has; "
                    + dialect.uriName() + " connects to the first host that answers");
        }
        if (attrs != null && !TARGET_SERVER_TYPES.containsKey(attrs)) {
            throw invalid("has target_session_attrs '" + attrs + "' in '" + masked(text) + "'; use one of "
                    + String.join(", ", new TreeMap<>(TARGET_SERVER_TYPES).keySet()));
        }
        if (attrs != null && parameters.containsKey("targetServerType")) {
            throw invalid("names both target_session_attrs and targetServerType in '" + masked(text) + "'; use one");
        }
        if (database.isEmpty() && dialect != Dialect.SQLITE) { // sqlite:// is SQLAlchemy's in-memory database
            throw invalid("names no database in '" + masked(text) + "'; expected " + SYNTAX
                    + (dialect == Dialect.H2 ? " (for H2: h2:///relative/path, h2:////absolute/path or h2:///:memory:)" : ""));
        }
        return new DatabaseUri(dialect, driver, username, password, List.copyOf(hosts), database,
                Collections.unmodifiableMap(parameters));
    }

    /** Whether the database lives in the memory of this process, and goes with it. */
    public boolean inMemory() {
        return dialect.embedded() && (database.isEmpty() || database.equals(MEMORY));
    }

    /** The JDBC URL for this URI; credentials are not part of it (they go to the datasource's own settings). */
    public String jdbcUrl() {
        if (dialect == Dialect.H2) {
            return h2JdbcUrl();
        }
        if (dialect == Dialect.SQLITE) {
            return sqliteJdbcUrl();
        }
        Map<String, String> driverParameters = new LinkedHashMap<>(parameters);
        String prefix = dialect.jdbcPrefix();
        String attrs = driverParameters.remove(TARGET_SESSION_ATTRS);
        if (attrs != null) {
            driverParameters.put("targetServerType", TARGET_SERVER_TYPES.get(attrs));
        }
        if (hosts.size() > 1 && dialect == Dialect.MARIADB) {
            prefix = "jdbc:mariadb:sequential://"; // the first host that answers, for every instance alike
        }
        if (hosts.size() > 1 && dialect == Dialect.MYSQL) {
            driverParameters.putIfAbsent("failOverReadOnly", "false"); // Connector/J's failover: the next host still writes
        }
        StringBuilder url = new StringBuilder(prefix).append(hostList()).append('/').append(database);
        if (!driverParameters.isEmpty()) {
            url.append('?').append(driverParameters.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&")));
        }
        return url.toString();
    }

    private String hostList() {
        return hosts.stream().map(Host::toString).collect(Collectors.joining(","));
    }

    private String h2JdbcUrl() {
        StringBuilder url = new StringBuilder(dialect.jdbcPrefix());
        if (database.equals(MEMORY)) {
            // A named in-memory database that lives as long as the process, shared by every pooled connection.
            url.append("mem:accounts;DB_CLOSE_DELAY=-1");
        } else if (!hosts.isEmpty()) {
            url.append("tcp://").append(hostList()).append('/').append(database);
        } else {
            // h2:///data/accounts is relative to the working directory, h2:////var/lib/accounts is absolute.
            url.append(database.startsWith("/") ? database : "./" + database);
        }
        Map<String, String> settings = new TreeMap<>(inMemory() || !hosts.isEmpty() ? Map.of() : H2_FILE_SETTINGS);
        settings.putAll(parameters);
        settings.forEach((key, value) -> url.append(';').append(key).append('=').append(value));
        return url.toString();
    }

    /** {@code sqlite:///relative.db} is relative to the working directory, {@code sqlite:////var/lib/accounts.db} absolute. */
    private String sqliteJdbcUrl() {
        Map<String, String> pragmas = new TreeMap<>(SQLITE_PRAGMAS);
        pragmas.putAll(parameters);
        return dialect.jdbcPrefix() + (inMemory() ? MEMORY : database) + "?" + pragmas.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /**
     * The URI with its password (and any {@code password} parameter) shown as {@code ***}; several hosts in SQLAlchemy's
     * form, {@code ...@/database?host=h1:port&host=h2:port}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(dialect.uriName());
        driver.ifPresent(d -> text.append('+').append(d));
        text.append("://");
        username.ifPresent(u -> {
            text.append(u);
            password.ifPresent(p -> text.append(':').append(MASK));
            text.append('@');
        });
        if (hosts.size() == 1) {
            text.append(hosts.get(0));
        }
        if (!database.isEmpty()) {
            text.append('/').append(database);
        }
        List<String> query = new ArrayList<>();
        if (hosts.size() > 1) {
            hosts.forEach(host -> query.add("host=" + host));
        }
        parameters.forEach((key, value) -> query.add(key + "=" + (key.toLowerCase().contains("password") ? MASK : value)));
        if (!query.isEmpty()) {
            text.append('?').append(String.join("&", query));
        }
        return text.toString();
    }

    /** Every {@code key=value}: {@code host} may repeat (into {@code hosts}), no other key may. */
    private static void parseQuery(String query, String text, Map<String, String> parameters, List<String> hosts) {
        if (query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("has a query parameter '" + pair + "' that is not key=value in '" + masked(text) + "'");
            }
            String key = pair.substring(0, equals);
            // Passed to the driver as written: JDBC drivers decode their own URL parameters.
            if (key.equals("host")) {
                hosts.add(pair.substring(equals + 1));
            } else if (parameters.putIfAbsent(key, pair.substring(equals + 1)) != null) {
                throw invalid("repeats the query parameter '" + key + "' in '" + masked(text) + "'; give it once");
            }
        }
    }

    /** {@code name[:port]}, the name in brackets for an IPv6 address. */
    private static Host parseHost(String host, String text) {
        int portColon = host.lastIndexOf(':');
        boolean hasPort = portColon >= 0 && host.indexOf(']', portColon) < 0;
        String name = hasPort ? host.substring(0, portColon) : host;
        if (name.isEmpty()) {
            throw invalid("names an empty host in '" + masked(text) + "'");
        }
        return new Host(name, hasPort ? Optional.of(parsePort(host.substring(portColon + 1), text)) : Optional.empty());
    }

    private static int parsePort(String port, String text) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("has port '" + port + "', which is not a number from 1 to 65535, in '" + masked(text) + "'");
    }

    /** Decodes %XX escapes as UTF-8; unlike URLDecoder it leaves '+' alone, as Python's unquote does. */
    private static String percentDecode(String value, String what, String text) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    throw invalid("has a broken percent-escape in its " + what + " in '" + masked(text) + "'");
                }
                bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A JDBC URL configured the Quarkus way, with any {@code password=} parameter masked. */
    public static String maskedJdbcUrl(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK);
    }

    /** Masks the password of a URI that may not parse, for error messages. */
    static String masked(String text) {
        int start = text.indexOf("://");
        if (start < 0) {
            return text;
        }
        int from = start + 3;
        int at = text.lastIndexOf('@');
        int colon = text.indexOf(':', from);
        if (at > from && colon >= 0 && colon < at) {
            return text.substring(0, colon + 1) + MASK + text.substring(at);
        }
        return text;
    }

    private static InvalidDatabaseUriException invalid(String problem) {
        return new InvalidDatabaseUriException("database.uri " + problem);
    }
}
