package ai.seed.web.openai;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.service.Caller;
import ai.seed.web.api.ApiCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}}: the caller's models, in OpenAI's
 * {@code list}/{@code model} shape. Every caller sees the base names of {@link SeedModel}; per
 * scenario of the caller's tenant, {@code seed-full:<scenario name>} is listed too (any mode may
 * be combined with a scenario; listing them all would only multiply the list). A retrieve of any
 * name that {@code /chat/completions} would accept answers 200, anything else 404.
 */
@Path("/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    /** "created" of the base models: the day the OpenAI-compatible API appeared (2026-01-01). */
    static final long BASE_CREATED = 1767225600L;

    @Inject
    ApiCallers callers;
    @Inject
    ScenarioService scenarios;
    @Context
    SecurityContext security;

    @GET
    public String list() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        models(turnsCaller(callers, security)).values().forEach(data::add);
        return Json.createObjectBuilder().add("object", "list").add("data", data).build().toString();
    }

    @GET
    @Path("/{model}")
    public String retrieve(@PathParam("model") String model) {
        Caller caller = turnsCaller(callers, security);
        SeedModel parsed = SeedModel.parse(model);
        if (parsed.scenario() != null && scenarios.list(caller).stream().noneMatch(parsed::names)) {
            throw OpenAiException.modelNotFound(model);
        }
        return model(model, BASE_CREATED).toString();
    }

    /** The caller of an OpenAI-compatible call: one who may ask turns (a key needs the scope {@code turns}). */
    static Caller turnsCaller(ApiCallers callers, SecurityContext security) {
        return callers.of(security).require(ApiScope.TURNS, Role.TENANT_ADMIN, Role.STAFF, Role.PARTNER);
    }

    private Map<String, JsonObject> models(Caller caller) {
        Map<String, JsonObject> out = new LinkedHashMap<>();
        SeedModel.baseNames().forEach(name -> out.put(name, model(name, BASE_CREATED)));
        String full = SeedModel.name(ai.seed.inference.pipeline.TurnMode.FULL);
        for (ScenarioService.ScenarioView s : scenarios.list(caller)) {
            String id = full + ":" + s.name();
            out.put(id, model(id, s.createdAt() == null ? BASE_CREATED : s.createdAt().getEpochSecond()));
        }
        return out;
    }

    private static JsonObject model(String id, long created) {
        return Json.createObjectBuilder().add("id", id).add("object", "model").add("created", created)
                .add("owned_by", "seed").build();
    }
}
