package io.github.accounts.engine;

/** What {@code GET /engine} shows: SQLAlchemy's {@code repr(engine)}, the password always masked. */
public record EngineView(String url, String dialect, String driver, Echo echo) {
}
