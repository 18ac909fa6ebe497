package io.github.accounts.logging;

import java.util.concurrent.Executor;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Worker threads for the part of a call that comes back from elsewhere (a password hashed on bcrypt's threads, a
 * sign-in read): they run it within the call's Vert.x context, where its log context lives, so that its lines keep the
 * call's request id. Mutiny's default worker pool runs tasks without one.
 */
public final class RequestWorkers {

    private RequestWorkers() {
    }

    /** Workers for the call on this thread; outside any call (at start-up), the default worker pool. */
    public static Executor ofThisCall() {
        Context call = Vertx.currentContext();
        if (call == null) {
            return Infrastructure.getDefaultWorkerPool();
        }
        return task -> call.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
    }
}
