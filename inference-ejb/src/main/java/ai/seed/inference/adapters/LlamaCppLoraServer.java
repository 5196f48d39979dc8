package ai.seed.inference.adapters;

import ai.seed.inference.model.openai.OpenAiEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * llama.cpp's server loads LoRA adapters only at start ({@code --lora FILE}, GGUF); {@code GET
 * /lora-adapters} lists them as {@code [{"id", "path", "scale"}]}. The product can verify but not
 * load: an adapter counts as served when {@code seed.small-vlm.lora-ids} maps its name to an id
 * the server lists.
 */
public final class LlamaCppLoraServer implements LoraServer, AutoCloseable {

    private final LoraAdminClient client;
    private final Map<String, Integer> loraIds;

    public LlamaCppLoraServer(OpenAiEndpoint endpoint) {
        this.client = new LoraAdminClient(endpoint);
        this.loraIds = endpoint.loraIds();
    }

    @Override
    public Map<String, String> served() {
        String body = client.call(auth -> client.api().llamaCppAdapters(auth));
        Map<Integer, String> pathsById = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(body))) {
            for (JsonValue v : reader.readArray()) {
                JsonObject adapter = v.asJsonObject();
                pathsById.put(adapter.getInt("id"), adapter.getString("path", ""));
            }
        } catch (RuntimeException e) {
            throw LoraAdminClient.garbage("adapter list", e);
        }
        Map<String, String> served = new LinkedHashMap<>();
        loraIds.forEach((name, id) -> {
            if (pathsById.containsKey(id)) {
                served.put(name, pathsById.get(id));
            }
        });
        return served;
    }

    @Override
    public LoadSupport loadSupport() {
        return new LoadSupport(false, "llama.cpp loads adapters only at start: convert it to GGUF, add "
                + "--lora <file> and map its name in seed.small-vlm.lora-ids");
    }

    @Override
    public void load(String name, String serverPath) {
        throw new UnsupportedOperationException(loadSupport().whyNot());
    }

    @Override
    public void unload(String name) {
        // nothing to do: llama.cpp keeps its start-up adapters; a zero scale per request leaves one unused
    }

    @Override
    public void close() {
        client.close();
    }
}
