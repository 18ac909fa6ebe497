package io.github.accounts.logging;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every call has an id, returned as {@value #HEADER} and logged with each line the call causes (the MDC key
 * {@value #MDC_KEY}: in the log format, and in JSON logs). A caller's own id, a load balancer's or a client's, is kept
 * when it is a plain token of at most 64 characters; otherwise the call gets a new one. Work a call hands to other
 * threads keeps it: see {@link RequestWorkers}.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** First of all routes, so that even a refused request's lines carry its id. */
    static final int ORDER = -10_000;
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    void first(@Observes Router router) {
        router.route().order(ORDER).handler(RequestIds::identify);
    }

    private static void identify(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && PLAIN_TOKEN.matcher(given).matches() ? given : newId();
        MDC.put(MDC_KEY, id); // kept in the call's own Vert.x context, not in the thread
        context.response().putHeader(HEADER, id);
        context.next();
    }

    /** 16 hexadecimal digits: unique enough to find one call's lines, and cheap. */
    private static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
