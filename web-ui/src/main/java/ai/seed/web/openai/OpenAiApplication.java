package ai.seed.web.openai;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The OpenAI-compatible API at {@code /v1}: point any OpenAI SDK at {@code https://<host>/v1} with
 * a Seed API key ({@code seed_...}) as the API key. Its classes are listed explicitly, so that it
 * and the {@code /api} application never pick up each other's resources or exception mappers (a
 * JAX-RS application that lists classes gets no scanned ones).
 */
@ApplicationPath("/v1")
public class OpenAiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ChatCompletionsResource.class, ModelsResource.class, OpenAiExceptionMapper.class);
    }
}
