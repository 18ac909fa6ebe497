package io.github.accounts.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

import io.github.accounts.problem.ProblemResponses;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;

/**
 * The HTTP layer's own refusals as problems: a request target longer than {@value #MAX_URI_LENGTH} characters is a
 * 414, headers over {@value #MAX_HEADER_BYTES} bytes a 431, a request target that is no URI (bad percent-encoding,
 * spaces) or a path that cannot be decoded a 400.
 * <p>
 * Vert.x answers a request over its own parser limits with a bare status before any route sees it, and Quarkus offers
 * no hook there; so those limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) are
 * set higher, and these lower ones are checked here, first of all routes, where the answer can be a problem.
 */
@ApplicationScoped
public class RequestLimits {

    /** The system property that turns Quarkus' own check of the request target off; set by {@link AccountsMain}. */
    public static final String LEAVE_URI_CHECK_TO_US = "vertx.disableURIValidation";
    static final int MAX_URI_LENGTH = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Before {@link WholeBodies}: a refused request's body is never read. */
    static final int ORDER = WholeBodies.ORDER - 1_000;

    void checkFirst(@Observes Router router) {
        router.route().order(ORDER).handler(RequestLimits::check);
        router.errorHandler(Status.BAD_REQUEST.getStatusCode(), RequestLimits::unreadable);
    }

    private static void check(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            ProblemResponses.answer(context, Status.REQUEST_URI_TOO_LONG.getStatusCode(),
                    "the request target is longer than " + MAX_URI_LENGTH + " characters");
            return;
        }
        if (!isUri(uri)) {
            unreadable(context);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            ProblemResponses.answer(context, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.code(),
                    "the request headers are larger than " + MAX_HEADER_BYTES + " bytes");
            return;
        }
        context.next();
    }

    private static void unreadable(RoutingContext context) {
        ProblemResponses.answer(context, Status.BAD_REQUEST.getStatusCode(),
                "the request target could not be read: check its path and percent-encoding");
    }

    private static boolean isUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
