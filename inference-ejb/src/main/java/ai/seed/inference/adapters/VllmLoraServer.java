package ai.seed.inference.adapters;

import ai.seed.inference.model.ModelCallException;
import ai.seed.inference.model.NonRetriableModelException;
import ai.seed.inference.model.openai.OpenAiEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * vLLM with {@code --enable-lora}: {@code GET /v1/models} lists the base model and each loaded
 * adapter (an entry whose {@code parent} is the base model, {@code root} its path); with
 * {@code VLLM_ALLOW_RUNTIME_LORA_UPDATING=True}, {@code POST /v1/load_lora_adapter
 * {"lora_name", "lora_path"}} and {@code POST /v1/unload_lora_adapter {"lora_name"}} change them.
 * Without that variable the two routes do not exist (FastAPI's 404 {"detail": "Not Found"}).
 */
public final class VllmLoraServer implements LoraServer, AutoCloseable {

    private final LoraAdminClient client;
    private final boolean resolverPlugin;

    /**
     * @param resolverPlugin vLLM runs the filesystem LoRA resolver over the adapter store: it loads
     *                       an adapter on its first request by itself, so the product only verifies
     */
    public VllmLoraServer(OpenAiEndpoint endpoint, boolean resolverPlugin) {
        this.client = new LoraAdminClient(endpoint);
        this.resolverPlugin = resolverPlugin;
    }

    @Override
    public Map<String, String> served() {
        String body = client.call(auth -> client.api().models(auth));
        Map<String, String> adapters = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(body))) {
            for (JsonValue v : reader.readObject().getJsonArray("data")) {
                JsonObject model = v.asJsonObject();
                JsonValue parent = model.get("parent");
                if (parent != null && parent.getValueType() == JsonValue.ValueType.STRING) {
                    adapters.put(model.getString("id"), model.getString("root", ""));
                }
            }
        } catch (RuntimeException e) {
            throw LoraAdminClient.garbage("model list", e);
        }
        return adapters;
    }

    @Override
    public LoadSupport loadSupport() {
        return resolverPlugin
                ? new LoadSupport(false, "vLLM's LoRA resolver loads it from the adapter store on its first request")
                : LoadSupport.YES;
    }

    @Override
    public void load(String name, String serverPath) {
        String body = Json.createObjectBuilder().add("lora_name", name).add("lora_path", serverPath).build().toString();
        try {
            client.call(auth -> client.api().load(auth, body));
        } catch (ModelCallException e) {
            if (LoraAdminClient.isStatus(e, 400) && e.getMessage().contains("already been loaded")) {
                return; // another node (or an earlier attempt) loaded it: the goal is reached
            }
            throw routeMissing(e);
        }
    }

    @Override
    public void unload(String name) {
        String body = Json.createObjectBuilder().add("lora_name", name).build().toString();
        try {
            client.call(auth -> client.api().unload(auth, body));
        } catch (ModelCallException e) {
            if (LoraAdminClient.isStatus(e, 404) && e.getMessage().contains("cannot be found")) {
                return; // already gone
            }
            throw routeMissing(e);
        }
    }

    private static ModelCallException routeMissing(ModelCallException e) {
        if (LoraAdminClient.isStatus(e, 404) && e.getMessage().contains("Not Found")) {
            return new NonRetriableModelException("the vLLM server does not load adapters at run time: start it with "
                    + "VLLM_ALLOW_RUNTIME_LORA_UPDATING=True (or use its LoRA resolver, docs/ADAPTERS.md)", 404, e);
        }
        return e;
    }

    @Override
    public void close() {
        client.close();
    }
}
