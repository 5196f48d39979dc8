package ai.seed.inference.adapters;

import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.RetriableModelException;
import ai.seed.inference.model.openai.OpenAiEndpoint;
import ai.seed.inference.model.openai.OpenAiErrors;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The REST client of {@link LoraAdminApi} for one small-VLM endpoint: the server root is the
 * endpoint's API root without its trailing {@code /v1}. Maps failures like the chat client does.
 */
final class LoraAdminClient implements Closeable {

    private final OpenAiEndpoint endpoint;
    private final LoraAdminApi api;

    LoraAdminClient(OpenAiEndpoint endpoint) {
        this.endpoint = endpoint;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(serverRoot(endpoint.baseUri()))
                .connectTimeout(endpoint.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Loading an adapter reads its weights onto the GPU: give it longer than a chat call.
                .readTimeout(Math.max(endpoint.readTimeout().toMillis(), 60_000), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
                .build(LoraAdminApi.class);
    }

    /** {@code http://gpu-1:8000/v1} -> {@code http://gpu-1:8000/}. */
    static URI serverRoot(URI apiRoot) {
        String s = apiRoot.toString().replaceAll("/+$", "");
        if (s.endsWith("/v1")) {
            s = s.substring(0, s.length() - 3);
        }
        return URI.create(s + "/");
    }

    /** The body of a 200 answer; anything else becomes a model-call exception. */
    String call(Function<String, Response> request) {
        String key = endpoint.apiKey();
        try (Response response = request.apply(key == null || key.isBlank() ? null : "Bearer " + key)) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() == 200) {
                return text;
            }
            throw OpenAiErrors.fromStatus(response.getStatus(), response.getHeaderString("Retry-After"), text);
        } catch (ProcessingException e) {
            throw new RetriableModelException("small-VLM server did not answer the adapter request: "
                    + rootCause(e).getClass().getSimpleName(), 0, null, e);
        }
    }

    LoraAdminApi api() {
        return api;
    }

    static boolean isStatus(ModelCallException e, int status) {
        return e.httpStatus() == status;
    }

    static NonRetriableModelException garbage(String what, RuntimeException e) {
        return new NonRetriableModelException("small-VLM server sent an unreadable " + what + ": "
                + e.getClass().getSimpleName(), 200, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    @Override
    public void close() {
        if (api instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a client pool: nothing left to do
            }
        }
    }
}
