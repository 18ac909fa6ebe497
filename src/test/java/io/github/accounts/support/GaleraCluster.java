package io.github.accounts.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A MariaDB Galera cluster (Debian's galera-4 beside the installed MariaDB) of three nodes on loopback, as section 10 of
 * the contract runs it: every node takes writes, a commit that conflicts with another node's fails at COMMIT (1213).
 * Formed once per test JVM, on first use, with a database {@code accounts}, and thrown away when the JVM exits. A node
 * "crashes" with {@code kill -9}; one that comes back rejoins by itself.
 */
public final class GaleraCluster {

    private static GaleraCluster shared;

    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();

    /** One node: its SQL port, its configuration, its process while it runs. */
    public static final class Node {
        private final String name;
        private final int port;
        private final Path config;
        private Process mariadbd;

        private Node(String name, int port, Path config) {
            this.name = name;
            this.port = port;
            this.config = config;
        }

        public String name() {
            return name;
        }

        /** The URI an instance of the service writes through this node by. */
        public String uri() {
            return "mariadb://root@127.0.0.1:" + port + "/accounts";
        }

        /** Runs SQL as root on this node; the first column of the first row of the last statement, if any. */
        public String sql(String... statements) throws SQLException {
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                    Statement statement = connection.createStatement()) {
                String first = null;
                for (String sql : statements) {
                    if (statement.execute(sql)) {
                        try (ResultSet rows = statement.getResultSet()) {
                            first = rows.next() ? rows.getString(rows.getMetaData().getColumnCount()) : null;
                        }
                    }
                }
                return first;
            }
        }

        private boolean isAlive() {
            return mariadbd != null && mariadbd.isAlive();
        }
    }

    private GaleraCluster(Path directory) {
        this.directory = directory;
    }

    /** The cluster, formed on first use: three nodes in one primary component, and the database {@code accounts}. */
    public static synchronized GaleraCluster shared() {
        if (shared == null) {
            try {
                GaleraCluster cluster = new GaleraCluster(Files.createTempDirectory("accounts-galera-"));
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy));
                cluster.form();
                shared = cluster;
            } catch (IOException | InterruptedException | SQLException e) {
                throw new IllegalStateException("could not form a Galera cluster", e);
            }
        }
        return shared;
    }

    private void form() throws IOException, InterruptedException, SQLException {
        Commands.run("chown", "mysql:mysql", directory.toString());
        List<int[]> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports.add(new int[] { Ports.free(), Ports.free(), Ports.free(), Ports.free() }); // SQL, group, IST, SST
        }
        String members = ports.stream().map(p -> "127.0.0.1:" + p[1]).collect(Collectors.joining(","));
        for (int i = 0; i < 3; i++) {
            nodes.add(configure("node" + (i + 1), ports.get(i), members));
        }
        start(nodes.get(0), "--wsrep-new-cluster");
        awaitAnswers(nodes.get(0));
        start(nodes.get(1));
        start(nodes.get(2));
        awaitPrimary(Duration.ofSeconds(90));
        nodes.get(0).sql("CREATE DATABASE accounts");
    }

    private Node configure(String name, int[] ports, String members) throws IOException, InterruptedException {
        Path data = directory.resolve(name);
        Node node = new Node(name, ports[0], directory.resolve(name + ".cnf"));
        Files.writeString(node.config, """
                [mysqld]
                user=mysql
                datadir=%1$s
                socket=%2$s/%3$s.sock
                pid-file=%2$s/%3$s.pid
                log-error=%2$s/%3$s.err
                port=%4$d
                bind-address=127.0.0.1
                binlog_format=ROW
                innodb_autoinc_lock_mode=2
                innodb_buffer_pool_size=64M
                performance_schema=OFF
                innodb_flush_log_at_trx_commit=2
                wsrep_on=ON
                wsrep_sync_wait=1
                wsrep_provider=/usr/lib/galera/libgalera_smm.so
                wsrep_cluster_name=accounts
                wsrep_cluster_address=gcomm://%5$s
                wsrep_node_name=%3$s
                wsrep_node_address=127.0.0.1:%6$d
                wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:%6$d;ist.recv_addr=127.0.0.1:%7$d;gcache.size=64M
                wsrep_sst_receive_address=127.0.0.1:%8$d
                wsrep_sst_method=rsync
                """.formatted(data, directory, name, ports[0], members, ports[1], ports[2], ports[3]));
        Commands.run("chown", "mysql:mysql", node.config.toString());
        Commands.run("mariadb-install-db", "--defaults-file=" + node.config, "--auth-root-authentication-method=normal", "--skip-test-db");
        return node;
    }

    private void start(Node node, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + node.config));
        command.addAll(List.of(options));
        node.mariadbd = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(node.name + ".out").toFile())).start();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The URI naming every node, SQLAlchemy's form: the service writes through the first that answers. */
    public String uri() {
        return "mariadb://root@/accounts?" + nodes.stream().map(node -> "host=127.0.0.1:" + node.port)
                .collect(Collectors.joining("&"));
    }

    /** {@code kill -9} of the node's server. */
    public void crash(Node node) throws InterruptedException {
        node.mariadbd.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts every node that is down and waits until all three are one primary component again. */
    public synchronized void heal() throws IOException, InterruptedException {
        for (Node node : nodes) {
            if (!node.isAlive()) {
                start(node);
            }
        }
        awaitPrimary(Duration.ofSeconds(90));
    }

    /** A node's wsrep status variable (e.g. {@code wsrep_local_cert_failures}) summed over the nodes. */
    public long sum(String statusVariable) throws SQLException {
        long sum = 0;
        for (Node node : nodes) {
            sum += Long.parseLong(node.sql("SHOW GLOBAL STATUS LIKE '" + statusVariable + "'"));
        }
        return sum;
    }

    private void awaitPrimary(Duration within) throws InterruptedException, IOException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (nodes.stream().allMatch(GaleraCluster::readyInAClusterOfThree)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IOException("the Galera cluster did not form within " + within.toSeconds() + " s; logs in " + directory);
    }

    private static boolean readyInAClusterOfThree(Node node) {
        try {
            return node.isAlive() && "ON".equals(node.sql("SHOW GLOBAL STATUS LIKE 'wsrep_ready'"))
                    && "3".equals(node.sql("SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'"));
        } catch (SQLException e) {
            return false;
        }
    }

    private static void awaitAnswers(Node node) throws InterruptedException, IOException {
        for (int i = 0; i < 120; i++) {
            try {
                node.sql("SELECT 1");
                return;
            } catch (SQLException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IOException(node.name + " did not answer");
    }

    private void destroy() {
        for (Node node : nodes) {
            if (node.mariadbd != null) {
                node.mariadbd.destroyForcibly();
            }
        }
        for (Node node : nodes) {
            try {
                if (node.mariadbd != null) {
                    node.mariadbd.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Commands.removeTree(directory);
    }
}
