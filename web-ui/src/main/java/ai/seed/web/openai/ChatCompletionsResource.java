package ai.seed.web.openai;

import ai.seed.domain.turn.TurnStatus;
import ai.seed.inference.chat.AskRequest;
import ai.seed.inference.chat.ChatService;
import ai.seed.inference.pipeline.StageBudgets;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.scenarios.ScenarioService;
import ai.seed.inference.service.Caller;
import ai.seed.web.api.ApiCallers;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions}: one SLC turn per request. Order of checks: the caller (401
 * without a valid key or session; 403 for a key without the scope {@code turns}), the body (400), the model and its scenario (404 when unknown or
 * another tenant's), the image (400), then {@link ChatService} (roles: partner keys, tenant admins
 * and staff; its own validation). A turn that ran but failed (a model down) is a 503 whose message
 * is the turn's error; every turn that ran, answered or failed, returns its SLC trace id in the
 * {@value #TRACE_HEADER} header. With {@code stream: true} the answer is passed on as the large
 * VLM writes it ({@link LiveCompletion}).
 *
 * <p>Note for SDK users: OpenAI SDKs retry 409, 429 and 5xx by default, and each retry is a new
 * turn (with its own trace).
 */
@Path("/chat/completions")
@RequestScoped
public class ChatCompletionsResource {

    public static final String TRACE_HEADER = "X-Seed-Trace-Id";

    @Inject
    ApiCallers callers;
    @Inject
    ChatService chat;
    @Inject
    ScenarioService scenarios;
    @Inject
    ImageInputs images;
    @Inject
    StageBudgets budgets;
    /** The turns' own pool (configure-server.cli), not the default executor's two threads per core. */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/seed-turns")
    ManagedExecutorService executor;
    @Context
    SecurityContext security;

    @POST
    // JSON only, as OpenAI SDKs send: refusing form posts keeps other sites' pages from forging
    // turns with a console user's session cookie.
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam("Content-Length") String length, InputStream body) {
        Caller caller = ModelsResource.turnsCaller(callers, security);
        ChatCompletionRequest request = ChatCompletionRequest.parse(RequestBodies.read(length, body));
        SeedModel model = SeedModel.parse(request.model());
        UUID scenario = scenarioId(caller, model);
        Conversation conversation = request.conversation();
        AskRequest ask = new AskRequest(scenario, model.mode(), images.resolve(conversation.image()),
                conversation.question(), conversation.history(), request.stream() ? UUID.randomUUID().toString() : null);
        if (request.stream()) {
            return streamed(caller, ask, request);
        }
        return completed(chat.ask(caller, ask), request);
    }

    /**
     * The turn runs on a managed thread while this request waits for the answer's first piece:
     * a turn that ends before it answers exactly as a non-streamed one would (its status code, or
     * the whole answer as chunks); otherwise the chunks go out as the large VLM writes them.
     */
    private Response streamed(Caller caller, AskRequest ask, ChatCompletionRequest request) {
        CompletionJson.Meta meta = new CompletionJson.Meta("chatcmpl-" + ask.requestId(), Instant.now().getEpochSecond(),
                request.model());
        LiveCompletion live = new LiveCompletion(meta, request.includeUsage(), budgets.turnDeadline().plusSeconds(30));
        executor.submit(() -> {
            try {
                live.finished(chat.ask(caller, ask, live));
            } catch (RuntimeException e) {
                live.failed(e);
            }
        });
        if (!live.awaitFirstToken()) {
            return completed(live.result(), request);
        }
        return Response.ok(live, "text/event-stream").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no").header(TRACE_HEADER, ask.requestId()).build();
    }

    private static Response completed(TurnResult result, ChatCompletionRequest request) {
        if (result.status() == TurnStatus.FAILED && result.retryAfter() != null) {
            // OpenAI SDKs wait for Retry-After on a 429 and ask again.
            throw new OpenAiException(429, result.errorMessage(), null, "rate_limit_exceeded")
                    .withHeader("Retry-After", String.valueOf(Math.max(1, result.retryAfter().toSeconds())))
                    .withHeader(TRACE_HEADER, result.requestId());
        }
        if (result.status() == TurnStatus.FAILED) {
            throw new OpenAiException(503, result.errorMessage(), null, "model_unavailable")
                    .withHeader(TRACE_HEADER, result.requestId());
        }
        CompletionJson.Meta meta = CompletionJson.Meta.of(result, request.model(), Instant.now().getEpochSecond());
        Response.ResponseBuilder response = request.stream()
                ? Response.ok(new CompletionStream(meta, result, request.includeUsage()), "text/event-stream")
                        .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no")
                : Response.ok(CompletionJson.completion(meta, result).toString(), MediaType.APPLICATION_JSON_TYPE);
        return response.header(TRACE_HEADER, result.requestId()).build();
    }

    /** The scenario named after the colon, by name or id, among the caller's own; else 404. */
    private UUID scenarioId(Caller caller, SeedModel model) {
        if (model.scenario() == null) {
            return null;
        }
        return scenarios.list(caller).stream().filter(model::names).map(ScenarioService.ScenarioView::id).findFirst()
                .orElseThrow(() -> OpenAiException.modelNotFound(model.requested()));
    }
}
