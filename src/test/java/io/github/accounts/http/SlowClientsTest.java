package io.github.accounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.accounts.support.RawHttp;
import io.github.accounts.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Clients that announce a large body and send it a few bytes at a time (or never) hold a connection, not a worker:
 * with three times as many of them as there are worker threads, other calls still answer within a second. A body over
 * the limit is a 413 problem.
 */
@QuarkusTest
class SlowClientsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aBodyOverTheLimitShouldBeA413Problem() throws Exception {
        String[] answer = RawHttp.send("POST", "/accounts", "application/json", new byte[1024 * 1024 + 1]);
        assertEquals("413", answer[0]);
        assertTrue(answer[1].contains("\"status\":413"), answer[1]);
    }

    @Test
    void moreSlowBodiesThanWorkersShouldNotStarveOtherCalls() throws Exception {
        int slowClients = 3 * 2 * Runtime.getRuntime().availableProcessors(); // workers: two per core
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < slowClients; i++) {
                Socket socket = new Socket("127.0.0.1", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 200000\r\n\r\n[{\"username\":\"slow-" + i).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            Thread.sleep(500);
            for (int call = 0; call < 5; call++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/accounts?limit=1"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, answer.statusCode());
                assertTrue(millis < 1000, "answered in " + millis + " ms beside " + slowClients + " slow bodies");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
