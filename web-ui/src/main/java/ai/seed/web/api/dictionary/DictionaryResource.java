package ai.seed.web.api.dictionary;

import ai.seed.inference.dictionary.DictionaryService;
import ai.seed.inference.dictionary.JobView;
import ai.seed.inference.dictionary.RetrainRequest;
import ai.seed.inference.dictionary.VersionView;
import ai.seed.web.api.ApiCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The meta-concept dictionary of the caller's scope (a tenant admin: the tenant's own; a platform
 * admin signed in to the console: the platform's): versions, retrain jobs, activation, rollback.
 */
@Path("/v1/dictionary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "dictionary")
public class DictionaryResource {

    /** Start a retrain: K (default 10), source, dataset path for datasets, seed. */
    public record Retrain(Integer k, String source, String datasetPath, Long seed) {
    }

    /** A new adapter reference for one meta-concept. */
    public record Adapter(String adapterRef) {
    }

    @Inject
    DictionaryService dictionaries;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;

    @GET
    @Path("versions")
    public List<VersionView> versions() {
        return dictionaries.versions(callers.of(security));
    }

    @POST
    @Path("jobs")
    @Operation(summary = "Retrain clusters (K-means) as a background job; 202 with the job to poll")
    public Response retrain(Retrain body) {
        // Who asks comes first (401/403), then what the body says: no validation hints for strangers.
        var caller = callers.of(security);
        Retrain r = body == null ? new Retrain(null, null, null, null) : body;
        JobView job = dictionaries.retrain(caller, new RetrainRequest(
                r.k() == null ? RetrainRequest.DEFAULT_K : r.k(), r.source(), r.datasetPath(),
                r.seed() == null ? 42L : r.seed()));
        return Response.accepted(job).header("Location", "/api/v1/dictionary/jobs/" + job.id()).build();
    }

    @GET
    @Path("jobs")
    public List<JobView> jobs() {
        return dictionaries.recentJobs(callers.of(security));
    }

    @GET
    @Path("jobs/{id}")
    public JobView job(@PathParam("id") UUID id) {
        return dictionaries.job(callers.of(security), id);
    }

    @POST
    @Path("jobs/{id}/cancel")
    public JobView cancel(@PathParam("id") UUID id) {
        return dictionaries.cancel(callers.of(security), id);
    }

    @POST
    @Path("versions/{id}/activate")
    public VersionView activate(@PathParam("id") long id) {
        return dictionaries.activate(callers.of(security), id);
    }

    @POST
    @Path("rollback")
    public VersionView rollback() {
        return dictionaries.rollback(callers.of(security));
    }

    @PUT
    @Path("versions/{id}/meta-concepts/{index}/adapter")
    public VersionView changeAdapter(@PathParam("id") long id, @PathParam("index") int index, Adapter body) {
        return dictionaries.changeAdapter(callers.of(security), id, index, body == null ? null : body.adapterRef());
    }

    @GET
    @Path("versions/{id}/meta-concepts/{index}/training-manifest")
    @Operation(summary = "ShareGPT / LLaMA-Factory training data for this meta-concept's adapter")
    public String trainingManifest(@PathParam("id") long id, @PathParam("index") int index) {
        return dictionaries.trainingManifest(callers.of(security), id, index, Map.of());
    }
}
