package ai.seed.inference.model.openai;

import ai.seed.inference.model.ChatMessage;
import ai.seed.inference.model.ChatRequest;
import ai.seed.inference.model.ChatResponse;
import ai.seed.inference.model.SmallVlm;
import ai.seed.inference.model.SmallVlmRequest;
import ai.seed.inference.model.SmallVlmResponse;
import java.util.List;

/**
 * The small VLM (Qwen2.5-VL-3B + meta-concept LoRA adapters) on a multi-LoRA OpenAI-compatible
 * server: vLLM picks the adapter by the request's model name, llama.cpp by its lora index.
 */
public class OpenAiCompatibleSmallVlm implements SmallVlm {

    private final OpenAiCompatibleClient client;

    public OpenAiCompatibleSmallVlm(OpenAiCompatibleClient client) {
        this.client = client;
    }

    @Override
    public SmallVlmResponse detect(SmallVlmRequest request) {
        ChatRequest chat = new ChatRequest(List.of(
                ChatMessage.system(request.systemPrompt()),
                ChatMessage.user(request.userPrompt(), List.of(request.image()))),
                request.temperature(), request.maxTokens(), request.adapter(), request.fusion(), request.timeout(), null, null);
        ChatResponse response = client.chat(chat);
        return new SmallVlmResponse(response.text(), response.model(), response.usage());
    }
}
