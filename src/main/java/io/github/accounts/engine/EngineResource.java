package io.github.accounts.engine;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.github.accounts.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/engine")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "engine", description = "The database the service talks to, and its SQL echo")
public class EngineResource {

    private final Engine engine;

    EngineResource(Engine engine) {
        this.engine = engine;
    }

    @GET
    @Operation(summary = "repr(engine): the database URL (password masked), dialect, driver and echo")
    @APIResponse(responseCode = "200", description = "The engine")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public EngineView view() {
        return engine.view();
    }

    @PUT
    @Path("/echo")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "engine.echo = ...: switch SQL logging to false, true or debug, without a restart")
    @APIResponse(responseCode = "200", description = "The engine, with the new echo")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public EngineView setEcho(@Valid @NotNull EchoChange change) {
        engine.setEcho(change.echo());
        return engine.view();
    }
}
