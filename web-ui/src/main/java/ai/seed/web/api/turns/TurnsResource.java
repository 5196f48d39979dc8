package ai.seed.web.api.turns;

import ai.seed.inference.chat.AskRequest;
import ai.seed.inference.chat.ChatService;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.pipeline.TurnRequest;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.turns.TurnHistory;
import ai.seed.web.api.ApiCallers;
import ai.seed.web.api.Uploads;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Chat turns: ask (image + question, optional scenario and mode) and read the history and full
 * traces. A turn whose models failed is answered 503 with the reason and still has a trace id.
 */
@Path("/v1/turns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "turns", description = "Questions about photos, answered by Small-Large Collaboration, and their traces. API key scope: 'turns'.")
@SecurityRequirement(name = "apiKey", scopes = "turns")
public class TurnsResource {

    /** A JSON turn: the image as base64 (optional), earlier messages for multi-turn context. */
    public record Ask(String question, Uploads.ImageJson image, UUID scenarioId, String mode,
                      List<TurnRequest.HistoryMessage> history) {
    }

    @Inject
    ChatService chat;
    @Inject
    TurnHistory history;
    @Inject
    ApiCallers callers;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a question about an image (or a text-only question)")
    public Response ask(Ask body, @HeaderParam("X-Request-Id") String requestId) {
        if (body == null) {
            throw ServiceException.invalid("missing-body", "a JSON body is required");
        }
        List<UploadedImage> image = body.image() == null ? List.of() : Uploads.fromJson(List.of(body.image()));
        return answer(chat.ask(callers.of(security), new AskRequest(body.scenarioId(), body.mode(),
                image.isEmpty() ? null : image.get(0), body.question(), body.history(), requestId)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ask with a form: question, image (file), scenarioId, mode")
    public Response askForm(List<EntityPart> parts, @HeaderParam("X-Request-Id") String requestId) {
        List<UploadedImage> images = Uploads.files(parts, "image");
        UUID scenario = Uploads.text(parts, "scenarioId").filter(s -> !s.isBlank()).map(TurnsResource::uuid).orElse(null);
        return answer(chat.ask(callers.of(security), new AskRequest(scenario, Uploads.text(parts, "mode").orElse(null),
                images.isEmpty() ? null : images.get(0), Uploads.text(parts, "question").orElse(null), List.of(),
                requestId)));
    }

    @GET
    @Operation(summary = "Turn history, newest first (staff see their own turns)")
    public TurnHistory.TurnPage list(@QueryParam("page") @DefaultValue("0") int page,
                                     @QueryParam("size") @DefaultValue("50") int size) {
        return history.list(callers.of(security), page, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One turn's full trace: reports, reflection, model calls, timings, tokens")
    public TurnHistory.TurnTrace trace(@PathParam("id") UUID id) {
        return history.trace(callers.of(security), id);
    }

    private static Response answer(TurnResult result) {
        TurnAnswer body = TurnAnswer.of(result);
        if (result.errorMessage() != null && body.retryAfterSeconds() != null) {
            // Back-pressure passes through: the large VLM is rate-limited for longer than a turn waits.
            return Response.status(429).entity(body).header("Retry-After", body.retryAfterSeconds())
                    .header("X-Seed-Trace-Id", result.requestId()).build();
        }
        return Response.status(result.errorMessage() == null ? 200 : 503).entity(body)
                .header("X-Seed-Trace-Id", result.requestId()).build();
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid("bad-scenario-id", "scenarioId is not a UUID");
        }
    }
}
