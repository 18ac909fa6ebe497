package io.github.accounts.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL under Patroni (Debian's packages) on loopback, as section 10 of the contract runs it: one etcd member, two
 * nodes, {@code synchronous_mode} (an acknowledged commit is on the standby too), a leader key that lives
 * {@value #TTL} s. Formed once per test JVM, on first use, and thrown away when the JVM exits. Patroni runs as the
 * postgres user and restarts its own PostgreSQL; a node "crashes" as a machine does: Patroni, the postmaster and every
 * backend killed with {@code kill -9} at once.
 */
public final class PatroniCluster {

    /** Patroni's leader key lifetime, seconds: a crashed leader's standby is promoted once it has expired. */
    public static final int TTL = 20;
    /**
     * {@code -Dpatroni.synchronous=false} measures what asynchronous replication costs: the standby may lack the last
     * commits the primary acknowledged before it died.
     */
    public static final boolean SYNCHRONOUS = !"false".equals(System.getProperty("patroni.synchronous"));
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static PatroniCluster shared;

    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    private Process etcd;

    /** One Patroni node: its PostgreSQL port, its REST API port, its process while it runs. */
    public static final class Node {
        private final String name;
        private final int port;
        private final int api;
        private final Path config;
        private final Path data;
        private Process patroni;

        private Node(String name, int port, int api, Path config, Path data) {
            this.name = name;
            this.port = port;
            this.api = api;
            this.config = config;
            this.data = data;
        }

        public String name() {
            return name;
        }
    }

    private PatroniCluster(Path directory) {
        this.directory = directory;
    }

    /** The cluster, formed on first use: both nodes running, one the leader, the other its synchronous standby. */
    public static synchronized PatroniCluster shared() {
        if (shared == null) {
            try {
                PatroniCluster cluster = new PatroniCluster(Files.createTempDirectory("accounts-patroni-"));
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy));
                cluster.form();
                shared = cluster;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("could not form a Patroni cluster", e);
            }
        }
        return shared;
    }

    private void form() throws IOException, InterruptedException {
        Commands.run("chown", "postgres:postgres", directory.toString());
        int client = Ports.free();
        int peer = Ports.free();
        etcd = new ProcessBuilder("etcd", "--name", "etcd1", "--data-dir", directory.resolve("etcd").toString(),
                "--listen-client-urls", "http://127.0.0.1:" + client, "--advertise-client-urls", "http://127.0.0.1:" + client,
                "--listen-peer-urls", "http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer,
                "--initial-cluster", "etcd1=http://127.0.0.1:" + peer)
                .redirectErrorStream(true).redirectOutput(directory.resolve("etcd.log").toFile()).start();
        for (String name : List.of("pg1", "pg2")) {
            nodes.add(configure(name, client));
        }
        for (Node node : nodes) {
            start(node);
        }
        awaitLeaderAndSyncStandby(Duration.ofSeconds(60));
    }

    private Node configure(String name, int etcdPort) throws IOException, InterruptedException {
        Node node = new Node(name, Ports.free(), Ports.free(), directory.resolve(name + ".yml"), directory.resolve(name));
        Files.writeString(node.config, """
                scope: accounts
                name: %1$s
                restapi:
                  listen: 127.0.0.1:%2$d
                  connect_address: 127.0.0.1:%2$d
                etcd3:
                  hosts: 127.0.0.1:%3$d
                bootstrap:
                  dcs:
                    ttl: %4$d
                    loop_wait: 5
                    retry_timeout: 5
                    synchronous_mode: %9$s
                    postgresql:
                      use_pg_rewind: true
                      parameters:
                        wal_log_hints: "on"
                        max_connections: 200
                  initdb:
                    - auth: trust
                  pg_hba:
                    - host all all 127.0.0.1/32 trust
                    - host replication all 127.0.0.1/32 trust
                    - local all all trust
                postgresql:
                  listen: 127.0.0.1:%5$d
                  connect_address: 127.0.0.1:%5$d
                  data_dir: %6$s
                  bin_dir: %7$s
                  pgpass: %8$s/%1$s.pgpass
                  authentication:
                    superuser: {username: postgres}
                    replication: {username: postgres}
                  parameters:
                    unix_socket_directories: %8$s
                    shared_buffers: 16MB
                """.formatted(name, node.api, etcdPort, TTL, node.port, node.data, BIN, directory, SYNCHRONOUS));
        Commands.run("chown", "postgres:postgres", node.config.toString());
        return node;
    }

    private void start(Node node) throws IOException {
        ProcessBuilder patroni = new ProcessBuilder("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups",
                "patroni", node.config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(node.name + ".log").toFile()));
        patroni.environment().put("HOME", directory.toString());
        node.patroni = patroni.start();
    }

    /** The URI the service names the cluster by: both hosts, and only the primary will do. */
    public String uri() {
        StringBuilder uri = new StringBuilder("postgresql://postgres@/postgres?");
        nodes.forEach(node -> uri.append("host=127.0.0.1:").append(node.port).append('&'));
        return uri.append("target_session_attrs=read-write").toString();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** The node whose Patroni says it is the primary, if one does. */
    public Node leader() {
        return nodes.stream().filter(node -> answers(node, "/primary")).findFirst().orElse(null);
    }

    /**
     * Brings back any node that is down and waits until one node leads and the other is its synchronous standby (or,
     * asynchronous, a replica), as every test starts from.
     */
    public synchronized Node heal() throws IOException, InterruptedException {
        for (Node node : nodes) {
            if (node.patroni == null || !node.patroni.isAlive()) {
                start(node);
            }
        }
        return awaitLeaderAndSyncStandby(Duration.ofSeconds(90));
    }

    private Node awaitLeaderAndSyncStandby(Duration within) throws InterruptedException, IOException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            Node leader = leader();
            if (leader != null && nodes.stream().anyMatch(node -> node != leader && answers(node, SYNCHRONOUS ? "/sync" : "/replica"))) {
                return leader;
            }
            Thread.sleep(250);
        }
        throw new IOException("no leader with a synchronous standby within " + within.toSeconds() + " s; logs in " + directory);
    }

    /** {@code kill -9} of the node's Patroni, its postmaster and every backend at once, as if its machine died. */
    public void crash(Node node) throws IOException {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(node.patroni.toHandle());
        Path pid = node.data.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())).ifPresent(postmaster -> {
                victims.add(postmaster);
                postmaster.descendants().forEach(victims::add);
            });
        }
        victims.forEach(ProcessHandle::destroyForcibly);
    }

    /** A planned switchover through Patroni's REST API: the leader steps down for the other node. */
    public void switchover(Node from, Node to) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + from.api + "/switchover"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"leader\":\"" + from.name + "\",\"candidate\":\"" + to.name + "\"}"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("switchover refused: " + response.statusCode() + " " + response.body());
        }
    }

    private static boolean answers(Node node, String check) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.api + check)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void destroy() {
        for (Node node : nodes) {
            try {
                if (node.patroni != null) {
                    crash(node);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("could not stop Patroni node " + node.name + ": " + e);
            }
        }
        if (etcd != null) {
            etcd.destroyForcibly();
        }
        Commands.removeTree(directory);
    }
}
