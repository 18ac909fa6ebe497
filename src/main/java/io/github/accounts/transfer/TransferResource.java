package io.github.accounts.transfer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Transfers over REST: thin; the body is validated declaratively, the work is {@link TransferService}'s. */
@Path("/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "transfers", description = "Tokens that move between accounts, and the ledger that keeps every move")
public class TransferResource {

    static final String REPLAYED = "Idempotent-Replayed";

    private final TransferService service;

    TransferResource(TransferService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move tokens: read both accounts, change both, add a ledger row, commit once",
            description = "An admin moves tokens from any account, anyone else only from their own (another from is a 404), "
                    + "to any account. With an Idempotency-Key, the same request again answers the original transfer and "
                    + "moves nothing more; the same key with another body is a 409.")
    @APIResponse(responseCode = "201", description = "Moved: the transfer, at its Location",
            headers = @Header(name = REPLAYED, description = "true when an Idempotency-Key named an earlier transfer, which is answered again"),
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "TransferConflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response create(@Valid @NotNull TransferRequest body,
            @Parameter(description = "Any printable ASCII text up to 128 characters; the same key answers the same transfer")
            @HeaderParam(IdempotencyKey.HEADER) String key, @Context UriInfo uri) {
        TransferService.Receipt receipt = service.transfer(body, IdempotencyKey.of(key));
        Response.ResponseBuilder response = Response
                .created(uri.getAbsolutePathBuilder().path(Long.toString(receipt.transfer().id)).build())
                .entity(TransferView.of(receipt.transfer()));
        return (receipt.replayed() ? response.header(REPLAYED, "true") : response).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One transfer: for admins and the two accounts it moved tokens between")
    @APIResponse(responseCode = "200", description = "The transfer", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public TransferView get(@RestPath long id) {
        return TransferView.of(service.find(id));
    }
}
