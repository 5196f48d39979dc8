package ai.seed.web.api.dictionary;

import ai.seed.inference.adapters.AdapterService;
import ai.seed.inference.adapters.AdapterUpload;
import ai.seed.inference.adapters.AdapterView;
import ai.seed.inference.adapters.MetaConceptAdapterView;
import ai.seed.inference.adapters.UploadKeyView;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import java.io.InputStream;
import java.time.Duration;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The meta-concept dictionary of the caller's scope (a tenant admin: the tenant's own; a platform
 * admin signed in to the console: the platform's): versions, retrain jobs, activation, rollback.
 */
@Path("/v1/dictionary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "dictionary", description = "The meta-concept dictionary (K-means clusters) and its LoRA adapters. API key scope: 'dictionary'.")
@SecurityRequirement(name = "apiKey", scopes = "dictionary")
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
    AdapterService adapters;
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
    @Operation(summary = "Activate a version; refused (409 adapters-not-served) while the small-VLM server does not"
            + " serve its adapters, unless evenIfNotServed=true")
    public VersionView activate(@PathParam("id") long id, @QueryParam("evenIfNotServed") boolean evenIfNotServed) {
        return dictionaries.activate(callers.of(security), id, evenIfNotServed);
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

    /** A new upload key's validity; default 7 days. */
    public record UploadKeyRequest(Integer validityHours) {
    }

    @PUT
    @Path("versions/{id}/meta-concepts/{index}/adapter-artifact")
    // Any other content type lands here too: who may upload is checked first, then the body (not a
    // zip: 400 archive-invalid), so a stranger learns nothing from a 415.
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Operation(summary = "Upload this meta-concept's PEFT LoRA adapter as a zip of its folder (adapter_config.json +"
            + " adapter_model.safetensors); validated before anything is stored. Upload keys may call this too")
    public Response uploadAdapterZip(@PathParam("id") long id, @PathParam("index") int index,
                                     @QueryParam("acceptBaseModel") String acceptBaseModel, InputStream zip) {
        var caller = callers.of(security);
        return created(adapters.upload(caller, id, index, new AdapterUpload.Zip(zip), acceptBaseModel));
    }

    @PUT
    @Path("versions/{id}/meta-concepts/{index}/adapter-artifact")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the adapter as a form: parts 'adapter_config.json' and 'adapter_model.safetensors',"
            + " or one part 'adapter' holding the zip")
    public Response uploadAdapterForm(@PathParam("id") long id, @PathParam("index") int index,
                                      @QueryParam("acceptBaseModel") String acceptBaseModel, List<EntityPart> parts) {
        var caller = callers.of(security);
        return created(adapters.upload(caller, id, index, AdapterForms.upload(parts), acceptBaseModel));
    }

    @GET
    @Path("versions/{id}/adapters")
    @Operation(summary = "The version's meta-concepts with their adapters and serving state"
            + " (SERVED / LOADING / MISSING / FAILED + reason + since)")
    public List<MetaConceptAdapterView> adapters(@PathParam("id") long id) {
        return adapters.adapters(callers.of(security), id);
    }

    @POST
    @Path("versions/{id}/adapters/reconcile")
    @Operation(summary = "Check now that the small-VLM server serves the version's adapters, loading what it can")
    public List<MetaConceptAdapterView> reconcile(@PathParam("id") long id) {
        return adapters.reconcileNow(callers.of(security), id);
    }

    @POST
    @Path("versions/{id}/meta-concepts/{index}/upload-keys")
    @Operation(summary = "A key that may upload only this meta-concept's adapter (for a training job); shown once")
    public Response uploadKey(@PathParam("id") long id, @PathParam("index") int index, UploadKeyRequest body) {
        var caller = callers.of(security);
        Integer hours = body == null ? null : body.validityHours();
        UploadKeyView key = adapters.issueUploadKey(caller, id, index, hours == null ? null : Duration.ofHours(hours));
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    private static Response created(AdapterView view) {
        return Response.status(Response.Status.CREATED).entity(view)
                .header("Location", "/api/v1/adapters/" + view.sha256()).build();
    }

    @GET
    @Path("versions/{id}/meta-concepts/{index}/training-job")
    @Produces("application/zip")
    @Operation(summary = "The ready training job of this meta-concept's adapter: LLaMA-Factory config, Kubernetes"
            + " Job that trains and uploads it, dataset and steps (docs/ADAPTERS.md)")
    public Response trainingJob(@PathParam("id") long id, @PathParam("index") int index) {
        byte[] zip = dictionaries.trainingBundle(callers.of(security), id, index);
        return Response.ok(zip, "application/zip").header("Content-Disposition", "attachment; filename=\""
                + ai.seed.inference.dictionary.TrainingJobBundle.zipFileName(id, index) + "\"").build();
    }

    @GET
    @Path("versions/{id}/meta-concepts/{index}/training-manifest")
    @Operation(summary = "ShareGPT / LLaMA-Factory training data for this meta-concept's adapter")
    public String trainingManifest(@PathParam("id") long id, @PathParam("index") int index) {
        return dictionaries.trainingManifest(callers.of(security), id, index, Map.of());
    }
}
