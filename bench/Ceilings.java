import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * The ceilings the service cannot beat, measured on the same machine and database: raw JDBC SELECT by primary key
 * from 32 threads (one connection each), and bcrypt hashes per second on all cores at the service's cost.
 * Run with the service's own classpath: java -cp 'target/quarkus-app/lib/main/*' bench/Ceilings.java URL USER PASSWORD COST MAX_ID
 */
public class Ceilings {

    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2];
        int cost = Integer.parseInt(args[3]);
        int maxId = Integer.parseInt(args[4]);
        jdbc(url, user, password, maxId);
        bcrypt(cost);
    }

    static void jdbc(String url, String user, String password, int maxId) throws Exception {
        int threads = 32;
        long seconds = 10;
        AtomicLong selects = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < threads; t++) {
            int seed = t;
            Thread worker = new Thread(() -> {
                Random random = new Random(seed);
                try (Connection connection = DriverManager.getConnection(url, user, password);
                        PreparedStatement select = connection.prepareStatement(
                                "SELECT id, username, tokens, verified, date_created, last_updated, version FROM accounts WHERE id = ?")) {
                    while (System.nanoTime() < end) {
                        select.setLong(1, 1 + random.nextInt(maxId));
                        try (ResultSet row = select.executeQuery()) {
                            row.next();
                        }
                        selects.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("ceiling  raw JDBC SELECT by id, 32 threads: %.0f selects/s%n", selects.get() / (double) seconds);
    }

    static void bcrypt(int cost) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int perCore = 20;
        for (int i = 0; i < 10; i++) {
            BcryptUtil.bcryptHash("warm-up-" + i, cost); // let the JIT compile it, as it is in a running service
        }
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < cores; c++) {
            Thread worker = new Thread(() -> {
                for (int i = 0; i < perCore; i++) {
                    BcryptUtil.bcryptHash("bench-password-" + i, cost);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ceiling  bcrypt cost %d on %d cores: %.1f hashes/s%n", cost, cores, cores * perCore / seconds);
    }
}
