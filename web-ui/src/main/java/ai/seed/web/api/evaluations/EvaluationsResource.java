package ai.seed.web.api.evaluations;

import ai.seed.inference.evaluation.runs.DatasetImports;
import ai.seed.inference.evaluation.runs.DatasetView;
import ai.seed.inference.evaluation.runs.EvaluationService;
import ai.seed.inference.evaluation.runs.RunComparisons;
import ai.seed.inference.evaluation.runs.RunEstimate;
import ai.seed.inference.evaluation.runs.RunView;
import ai.seed.inference.evaluation.runs.StartRun;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.api.ApiCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The evaluation harness (issue #7) for tenant admins and their API keys: import evaluation sets,
 * run them in the background in one of the pipeline's modes, watch progress, read and export the
 * per-item results, compare runs side by side. Another tenant's ids are 404.
 */
@Path("/v1/evaluations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluations", description = "Recognition, VQA and text-only evaluation runs on Yo'LLaVA / MC-LLaVA data. API key scope: 'evaluations'.")
@SecurityRequirement(name = "apiKey", scopes = "evaluations")
public class EvaluationsResource {

    /** A dataset folder on the server (platform admins). */
    public record ServerFolder(UUID tenantId, String name, String format, String path) {
    }

    @Inject
    EvaluationService evaluations;
    @Inject
    DatasetImports imports;
    @Inject
    RunComparisons comparisons;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;

    @POST
    @Path("datasets")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import an evaluation set: multipart with 'file' (zip), 'format' and optional 'name'")
    public Response uploadForm(List<EntityPart> parts) {
        var caller = callers.of(security);
        String format = ai.seed.web.api.Uploads.text(parts, "format").orElse(null);
        String name = ai.seed.web.api.Uploads.text(parts, "name").orElse(null);
        EntityPart file = parts.stream().filter(p -> p.getName().equals("file")).findFirst()
                .orElseThrow(() -> ServiceException.invalid("missing-file", "a zip file part named 'file' is required"));
        try (InputStream in = new LimitedInput(file.getContent(), DatasetImports.MAX_UPLOAD_BYTES)) {
            return created(imports.importZip(caller, name, format, in));
        } catch (IOException e) {
            throw ServiceException.invalid("bad-multipart", "the file part could not be read");
        }
    }

    @POST
    @Path("datasets")
    @Consumes("application/zip")
    @Operation(summary = "Import an evaluation set sent as the request body (application/zip); ?format=&name=")
    public Response uploadZip(@QueryParam("format") String format, @QueryParam("name") String name, InputStream body) {
        var caller = callers.of(security);
        try (InputStream in = new LimitedInput(body, DatasetImports.MAX_UPLOAD_BYTES)) {
            return created(imports.importZip(caller, name, format, in));
        } catch (IOException e) {
            throw ServiceException.invalid("bad-zip", "the request body could not be read");
        }
    }

    @POST
    @Path("datasets/server-folder")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Platform admins: import a dataset folder on the server's disk for a tenant")
    public Response serverFolder(ServerFolder body) {
        if (body == null) {
            throw ServiceException.invalid("missing-body", "a JSON body with 'format' and 'path' is required");
        }
        return created(imports.importServerFolder(callers.of(security), body.tenantId(), body.name(), body.format(),
                body.path()));
    }

    private static Response created(DatasetView view) {
        return Response.status(201).entity(view).header("Location", "/api/v1/evaluations/datasets/" + view.id()).build();
    }

    @GET
    @Path("datasets")
    public List<DatasetView> datasets() {
        return evaluations.datasets(callers.of(security));
    }

    @GET
    @Path("datasets/{id}")
    public DatasetView dataset(@PathParam("id") UUID id) {
        return evaluations.dataset(callers.of(security), id);
    }

    @DELETE
    @Path("datasets/{id}")
    public Response deleteDataset(@PathParam("id") UUID id) {
        evaluations.deleteDataset(callers.of(security), id);
        return Response.noContent().build();
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run (background); 202 with the run to poll")
    public Response start(StartRun body) {
        RunView run = evaluations.start(callers.of(security), body);
        return Response.accepted(run).header("Location", "/api/v1/evaluations/runs/" + run.id()).build();
    }

    @POST
    @Path("runs/estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a run would cost (same body as starting one): turns, small and large model calls,"
            + " tokens and time from this tenant's recent model calls; starts nothing")
    public RunEstimate estimate(StartRun body) {
        return evaluations.estimate(callers.of(security), body);
    }

    @GET
    @Path("runs")
    public List<RunView> runs() {
        return evaluations.runs(callers.of(security));
    }

    @GET
    @Path("runs/{id}")
    public RunView run(@PathParam("id") UUID id) {
        return evaluations.run(callers.of(security), id);
    }

    @POST
    @Path("runs/{id}/cancel")
    public RunView cancel(@PathParam("id") UUID id) {
        return evaluations.cancel(callers.of(security), id);
    }

    @GET
    @Path("runs/{id}/results.json")
    @Operation(summary = "Per-item results, judged under the strict and the lenient rule")
    public Response resultsJson(@PathParam("id") UUID id) {
        return Response.ok(evaluations.resultsJson(callers.of(security), id), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"evaluation-" + id + ".json\"").build();
    }

    @GET
    @Path("runs/{id}/results.csv")
    @Produces("text/csv")
    public Response resultsCsv(@PathParam("id") UUID id) {
        return csv(evaluations.resultsCsv(callers.of(security), id), "evaluation-" + id + ".csv");
    }

    @GET
    @Path("comparison")
    @Operation(summary = "Runs side by side (?runs=id,id,...), shaped like the paper's Tables 1 and 5")
    public RunComparisons.ComparisonView comparison(@QueryParam("runs") String runs) {
        return comparisons.json(callers.of(security), ids(runs));
    }

    @GET
    @Path("comparison.csv")
    @Produces("text/csv")
    public Response comparisonCsv(@QueryParam("runs") String runs) {
        return csv(comparisons.csv(callers.of(security), ids(runs)), "evaluation-comparison.csv");
    }

    private static Response csv(String body, String fileName) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static List<UUID> ids(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(UUID::fromString)
                    .toList();
        } catch (IllegalArgumentException e) {
            throw ServiceException.notFound("evaluation run");
        }
    }
}
