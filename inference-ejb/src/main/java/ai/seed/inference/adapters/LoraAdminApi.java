package ai.seed.inference.adapters;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile REST Client view of the LoRA administration endpoints of the small-VLM servers,
 * relative to the server root: vLLM's {@code /v1/models}, {@code /v1/load_lora_adapter},
 * {@code /v1/unload_lora_adapter} (with {@code VLLM_ALLOW_RUNTIME_LORA_UPDATING=True}) and
 * llama.cpp's {@code /lora-adapters}. Bodies travel as text and are parsed with JSON-P.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public interface LoraAdminApi {

    @GET
    @Path("v1/models")
    Response models(@HeaderParam("Authorization") String authorization);

    @POST
    @Path("v1/load_lora_adapter")
    Response load(@HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("v1/unload_lora_adapter")
    Response unload(@HeaderParam("Authorization") String authorization, String body);

    @GET
    @Path("lora-adapters")
    Response llamaCppAdapters(@HeaderParam("Authorization") String authorization);
}
