package ai.seed.inference.adapters;

import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.config.ModelSettings;
import ai.seed.inference.model.openai.OpenAiEndpoint;
import java.util.Optional;

/** The LoRA side of the configured small-VLM server, if it has one (vLLM or llama.cpp). */
final class LoraServers {

    private LoraServers() {
    }

    /** Empty when no small-VLM server is configured or its dialect serves no adapters (plain OpenAI). */
    static Optional<LoraServer> of(ModelSettings settings, boolean vllmResolver) {
        if (!settings.smallVlm().configured()) {
            return Optional.empty();
        }
        OpenAiEndpoint endpoint = ModelBackends.endpointOf(settings.smallVlm());
        return switch (endpoint.dialect()) {
            case VLLM -> Optional.of(new VllmLoraServer(endpoint, vllmResolver));
            case LLAMA_CPP -> Optional.of(new LlamaCppLoraServer(endpoint));
            case OPENAI -> Optional.empty();
        };
    }

    /** Whether the settings name a small-VLM server that serves LoRA adapters (no client is built). */
    static boolean servesAdapters(ModelSettings settings) {
        return settings.smallVlm().configured()
                && ModelBackends.endpointOf(settings.smallVlm()).dialect() != OpenAiEndpoint.Dialect.OPENAI;
    }

    static void close(LoraServer server) {
        if (server instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing an idle client: nothing left to do
            }
        }
    }
}
