package io.github.accounts.transfer;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A transfer as the API shows it. */
@RegisterForReflection // Jackson writes it reflectively, also in the native executable
public record TransferView(Long id, long from, long to, int amount, Instant dateCreated) {

    static TransferView of(Transfer transfer) {
        return new TransferView(transfer.id, transfer.fromId, transfer.toId, transfer.amount, transfer.dateCreated);
    }
}
