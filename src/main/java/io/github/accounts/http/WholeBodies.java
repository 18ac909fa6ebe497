package io.github.accounts.http;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.github.accounts.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;

/**
 * Reads a request body whole, on the I/O thread, before a worker thread takes the call. Quarkus REST reads the body of
 * a blocking method on the worker that runs it, so a client that sends its body slowly would hold a worker for as
 * long as it likes, and a few such clients would hold them all; read first, such a client holds only its connection.
 * A body is at most {@code quarkus.http.limits.max-body-size}: a larger one is a 413 problem.
 */
@ApplicationScoped
class WholeBodies {

    /** Before the routes of Quarkus REST, which look for a body read already. */
    static final int ORDER = -1_000;
    /** Marks a request whose body was read whole. */
    private static final String READ = WholeBodies.class.getName() + ".read";

    void readBodiesFirst(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        router.route().order(ORDER).method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue()))
                .handler(context -> {
                    // No bytes arrived (Content-Length: 0, an empty chunked body): Vert.x leaves the body unset, and
                    // Quarkus REST would then wait on the worker thread for bytes of a request that has ended.
                    if (context.body().buffer() == null) {
                        ((RoutingContextInternal) context).setBody(Buffer.buffer());
                    }
                    context.put(READ, true);
                    context.next();
                })
                .failureHandler(context -> {
                    if (context.get(READ) != null) {
                        context.next(); // a later handler failed, not the reading: not this handler's to answer
                        return;
                    }
                    if (context.statusCode() == Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
                        ProblemResponses.answer(context, Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(),
                                "the request body is larger than " + maxBodySize.asLongValue() + " bytes");
                    } else {
                        ProblemResponses.answer(context, Status.BAD_REQUEST.getStatusCode(), "the request body could not be read");
                    }
                });
    }
}
