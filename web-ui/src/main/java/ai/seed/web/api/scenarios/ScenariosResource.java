package ai.seed.web.api.scenarios;

import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.scenarios.ScenarioService.ScenarioView;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.api.ApiCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scenarios: named sets of the tenant's concepts used together in chat. */
@Path("/v1/scenarios")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "scenarios", description = "Scenarios: named sets of the tenant's concepts. API key scope: 'concepts' (reading also with 'turns').")
@SecurityRequirement(name = "apiKey", scopes = "concepts")
public class ScenariosResource {

    /** A scenario to create. */
    public record CreateScenario(String name, String description, Set<UUID> conceptIds) {
    }

    /** The new member list of a scenario. */
    public record Members(Set<UUID> conceptIds) {
    }

    @Inject
    ScenarioService scenarios;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    public Response create(CreateScenario body) {
        if (body == null) {
            throw ServiceException.invalid("missing-body", "a JSON body is required");
        }
        ScenarioView view = scenarios.create(callers.of(security), body.name(), body.description(), body.conceptIds());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @SecurityRequirement(name = "apiKey", scopes = "turns")
    @SecurityRequirement(name = "apiKey", scopes = "concepts")
    public List<ScenarioView> list() {
        return scenarios.list(callers.of(security));
    }

    @GET
    @SecurityRequirement(name = "apiKey", scopes = "turns")
    @SecurityRequirement(name = "apiKey", scopes = "concepts")
    @Path("{id}")
    public ScenarioView get(@PathParam("id") UUID id) {
        return scenarios.get(callers.of(security), id);
    }

    @PUT
    @Path("{id}/concepts")
    public ScenarioView replaceConcepts(@PathParam("id") UUID id, Members body) {
        return scenarios.replaceConcepts(callers.of(security), id, body == null ? null : body.conceptIds());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        scenarios.delete(callers.of(security), id);
        return Response.noContent().build();
    }
}
