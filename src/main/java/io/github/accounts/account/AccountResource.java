package io.github.accounts.account;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.github.accounts.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The Account REST API, thin: bodies are typed and validated declaratively, each call is one call of
 * {@link AccountService}, and every problem is thrown to the one error path ({@code problem/}).
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "The Account model over REST: add, query, get, patch, delete")
public class AccountResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final AccountService service;

    AccountResource(AccountService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "session.add(account) or session.add_all([...]); commit(): one account, or an array, all or nothing")
    @RequestBody(content = @Content(schema = @Schema(oneOf = { NewAccount.class, NewAccount[].class })))
    @APIResponse(responseCode = "201", description = "Created: the account, or the array in order",
            content = @Content(schema = @Schema(oneOf = { AccountView.class, AccountView[].class })))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @Blocking // the checks run on a worker; the worker is free again while bcrypt hashes, and the rows are stored on one
    public Uni<Response> create(@Valid @NotNull NewAccounts body, @Context UriInfo uri) {
        return service.create(body).map(created -> {
            if (body.isArray()) {
                return Response.status(Response.Status.CREATED).entity(created.stream().map(AccountView::of).toList()).build();
            }
            Account account = created.get(0);
            return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(account.id)).build())
                    .tag(EntityTags.of(account)).entity(AccountView.of(account)).build();
        });
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "query(Account).filter(...): filters AND-ed, ordered by id, in keyset pages",
            description = "Equality: username=, tokens=, verified=, id=. Operators: tokens[gte]=10 with eq ne gt gte lt lte "
                    + "on id and tokens, eq ne on verified and username. limit (1..1000, default 100) and after=ID page by id; "
                    + "a Link rel=\"next\" header is sent while more rows follow.")
    @APIResponse(responseCode = "200", description = "The matching accounts, by id",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccountView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public RestResponse<List<AccountView>> list(@Context UriInfo uri) {
        AccountQuery query = AccountQuery.parse(uri.getQueryParameters());
        return query.page().answer(service.list(query), AccountView::id, uri);
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account, with its version as ETag",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public RestResponse<AccountView> me() {
        return ok(service.me());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "session.get(Account, id): an admin may get every account, anyone else only their own")
    @APIResponse(responseCode = "200", description = "The account, with its version as ETag",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public RestResponse<AccountView> get(@RestPath long id) {
        return ok(service.find(id).orElseThrow(() -> new AccountNotFoundException(id)));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Fetch, change, commit: a JSON merge patch of username, password, tokens, verified",
            description = "With If-Match, the change is made only if the account is still at that version (else 412). "
                    + "An account may change its own username and password; tokens, verified and role are an admin's.")
    @APIResponse(responseCode = "200", description = "The changed account, with its new ETag",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    @RequestBody(content = @Content(schema = @Schema(implementation = AccountPatch.class)))
    @Blocking // as create: no worker waits while a new password is hashed
    public Uni<RestResponse<AccountView>> patch(@RestPath long id, @Valid @NotNull AccountPatch body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.update(id, body, EntityTags.expectedVersion(ifMatch)).map(AccountResource::ok);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "session.delete(account); commit(): an admin may delete every account, anyone else only their own")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "AccountHasTransfers")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public void delete(@RestPath long id) {
        service.delete(id);
    }

    /** 200 with the account and its version as ETag. */
    private static RestResponse<AccountView> ok(Account account) {
        return RestResponse.ResponseBuilder.ok(AccountView.of(account)).tag(EntityTags.of(account)).build();
    }
}
