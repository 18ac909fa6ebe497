package io.github.accounts.transfer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.github.accounts.paging.KeysetPage;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET /accounts/{id}/transfers}: an account's ledger, thin as {@link TransferResource}. */
@Path("/accounts/{id}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "transfers")
public class LedgerResource {

    private final TransferService service;

    LedgerResource(TransferService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "An account's ledger, both directions, by id, in keyset pages: for admins and the account itself",
            description = "limit (1..1000, default 100) and after=ID page by id; a Link rel=\"next\" header is sent while "
                    + "more transfers follow.")
    @APIResponse(responseCode = "200", description = "The account's transfers, by id",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TransferView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public RestResponse<List<TransferView>> list(@RestPath long id, @Context UriInfo uri) {
        KeysetPage page = KeysetPage.parse(uri.getQueryParameters());
        return page.answer(service.ledger(id, page).stream().map(TransferView::of).toList(), TransferView::id, uri);
    }
}
