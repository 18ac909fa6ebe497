package io.github.accounts.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package) in front of instances on 127.0.0.1, as {@code deploy/haproxy.cfg} puts it in front of the
 * compose fleet: round robin, readiness checked every half second, a connection that fails retried on another instance,
 * never a request that was sent.
 */
public final class Haproxy implements AutoCloseable {

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Haproxy inFrontOf(List<Integer> instancePorts) throws IOException, InterruptedException {
        int port = Ports.free();
        StringBuilder config = new StringBuilder("""
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 30s
                  timeout server 30s
                  retries 2
                  option redispatch
                frontend accounts
                  bind 127.0.0.1:%d
                  default_backend instances
                backend instances
                  balance roundrobin
                  option httpchk GET /q/health/ready
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 2
                """.formatted(port));
        for (int i = 0; i < instancePorts.size(); i++) {
            config.append("  server instance").append(i + 1).append(" 127.0.0.1:").append(instancePorts.get(i)).append(" check\n");
        }
        Path file = Path.of("target", "haproxy-" + port + ".cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "haproxy-" + port + ".log").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Haproxy(process, port);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("haproxy stopped: " + Files.readString(Path.of("target", "haproxy-" + port + ".log")));
                }
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IOException("haproxy did not listen on " + port);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
