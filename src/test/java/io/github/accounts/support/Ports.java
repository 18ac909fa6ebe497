package io.github.accounts.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free ports for servers the tests start and restart, below the kernel's ephemeral range (32768 and up): a port from
 * that range can be taken by any outgoing connection between the check and the (re)start, which then fails with
 * "Address already in use".
 */
public final class Ports {

    private static final int FIRST = 20_000;
    private static final int COUNT = 12_000;
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private Ports() {
    }

    public static int free() throws IOException {
        for (int i = 0; i < 1_000; i++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), COUNT);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port from " + FIRST + " to " + (FIRST + COUNT));
    }
}
