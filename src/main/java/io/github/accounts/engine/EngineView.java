package io.github.accounts.engine;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code GET /engine} shows: SQLAlchemy's {@code repr(engine)}, the password always masked. */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record EngineView(String url, String dialect, String driver, Echo echo) {
}
