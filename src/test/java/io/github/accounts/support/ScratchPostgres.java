package io.github.accounts.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of the tests' own (initdb on a free port, under /tmp, run as the postgres user), for what no
 * test may do to the shared server on 5432: change its configuration for every session. Started once, on first use,
 * and thrown away when the JVM exits.
 */
public final class ScratchPostgres {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static int port;

    private ScratchPostgres() {
    }

    /** Starts the cluster unless it runs already; its URI, as the service names a database. */
    public static synchronized String uri() {
        if (port == 0) {
            try {
                start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not start a scratch PostgreSQL", e);
            }
        }
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    private static void start() throws IOException, InterruptedException {
        int free = Ports.free();
        Path directory = Files.createTempDirectory("accounts-pg-");
        Path data = directory.resolve("data");
        Commands.run("chown", "postgres:postgres", directory.toString());
        asPostgres(BIN.resolve("initdb").toString(), "-D", data.toString(), "--auth=trust", "-U", "postgres", "--no-sync");
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", directory.resolve("log").toString(),
                "-o", "-p " + free + " -k " + directory + " -c listen_addresses=127.0.0.1 -c shared_buffers=16MB -c fsync=off",
                "start");
        port = free;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
            } catch (IOException | InterruptedException e) {
                System.err.println("could not stop the scratch PostgreSQL in " + directory + ": " + e);
            }
            Commands.removeTree(directory);
        }));
    }

    /** A new session as the superuser. */
    public static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** Runs statements as the superuser, each in its own transaction. */
    public static void sql(String... statements) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void asPostgres(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        Commands.run(line.toArray(String[]::new));
    }
}
