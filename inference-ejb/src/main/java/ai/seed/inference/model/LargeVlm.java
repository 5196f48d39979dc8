package ai.seed.inference.model;

/**
 * Port: the large VLM (GPT-4o, Qwen2.5-VL-72B, ...) that reflects and answers.
 *
 * @throws RetriableModelException when the same call may succeed later (429, 5xx, timeout)
 * @throws NonRetriableModelException when it will not (bad request, auth, garbage response)
 */
public interface LargeVlm {

    ChatResponse chat(ChatRequest request);
}
