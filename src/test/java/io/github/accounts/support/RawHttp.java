package io.github.accounts.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.RestAssured;

/** Sends, signed in as the admin, a request line as written, broken escapes and all, which HTTP client libraries refuse to build. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status code and body of {@code METHOD target HTTP/1.1}. */
    public static String[] send(String method, String target) throws IOException {
        return send(method, target, null, new byte[0]);
    }

    /** Announces a body of {@code declaredLength} bytes, sends only {@code partial} of it, and hangs up. */
    public static void abandon(String method, String target, int declaredLength, byte[] partial) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, target, "application/json", declaredLength).getBytes(StandardCharsets.ISO_8859_1));
            out.write(partial);
            out.flush();
        }
    }

    /** The same, with a body of any content type, as written. */
    public static String[] send(String method, String target, String contentType, byte[] body) throws IOException {
        return exchange(head(method, target, contentType, body.length), body);
    }

    /** The same, with more header lines (each ending in CRLF) as written: the status code, body and response head. */
    public static String[] sendWithHeaders(String method, String target, String headerLines) throws IOException {
        return exchange(head(method, target, null, 0).replace("\r\n\r\n", "\r\n" + headerLines + "\r\n"), new byte[0]);
    }

    private static String[] exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = response.length() >= 12 ? response.substring(9, 12) : "000";
            int bodyStart = response.indexOf("\r\n\r\n");
            return new String[] { status, bodyStart < 0 ? "" : response.substring(bodyStart + 4),
                    bodyStart < 0 ? response : response.substring(0, bodyStart) };
        }
    }

    private static String head(String method, String target, String contentType, int contentLength) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                        (TestAccounts.ADMIN + ":" + TestAccounts.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }
}
