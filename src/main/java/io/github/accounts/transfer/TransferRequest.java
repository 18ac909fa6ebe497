package io.github.accounts.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /transfers}: move {@code amount} tokens from one account to another. */
@RegisterForReflection // Jackson reads it reflectively, also in the native executable
public record TransferRequest(
        @Schema(examples = "1") @NotNull Long from,
        @Schema(examples = "2") @NotNull Long to,
        @Schema(examples = "5", minimum = "1", maximum = "2147483647") @NotNull @Min(1) Integer amount) {

    /** The same transfer asked for again, as an idempotent retry must. */
    boolean sameAs(Transfer transfer) {
        return from == transfer.fromId && to == transfer.toId && amount == transfer.amount;
    }
}
