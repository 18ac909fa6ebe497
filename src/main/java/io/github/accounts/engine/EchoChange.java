package io.github.accounts.engine;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /engine/echo}. */
@RegisterForReflection // Jackson reads or writes it reflectively, also in the native executable
public record EchoChange(@NotNull Echo echo) {
}
