package io.github.accounts.engine;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /engine/echo}. */
public record EchoChange(@NotNull Echo echo) {
}
