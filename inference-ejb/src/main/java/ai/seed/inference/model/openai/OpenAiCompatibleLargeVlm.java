package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.LargeVlm;

/** The large VLM on any OpenAI-compatible server (GPT-4o, vLLM, Ollama, llama.cpp). */
public class OpenAiCompatibleLargeVlm implements LargeVlm {

    private final OpenAiCompatibleClient client;

    public OpenAiCompatibleLargeVlm(OpenAiCompatibleClient client) {
        this.client = client;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return client.chat(request);
    }
}
