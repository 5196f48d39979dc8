package ai.seed.inference.model.openai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * MicroProfile REST Client view of the OpenAI Chat Completions wire API. Bodies travel as JSON
 * text and are built/parsed by {@link ChatCompletionsWire}, so that a malformed answer becomes a
 * clear non-retriable error instead of a binding exception. With tracing on, the platform's
 * REST client instrumentation adds the W3C {@code traceparent} of the current span (the model
 * call's), so a model server with tracing on joins the turn's trace.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ChatCompletionsApi {

    @POST
    @Path("chat/completions")
    Response create(@HeaderParam("Authorization") String authorization, String body);

    /** The same call, completing on the client's own thread: the caller can stop waiting at a deadline. */
    @POST
    @Path("chat/completions")
    CompletionStage<Response> createAsync(@HeaderParam("Authorization") String authorization, String body);

    @GET
    @Path("models")
    Response models(@HeaderParam("Authorization") String authorization);
}
