package ai.seed.inference.pipeline;

import ai.seed.inference.adapters.AdapterReconciler;
import ai.seed.inference.adapters.FusedAdapters;
import ai.seed.inference.config.ModelSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Turns the routed adapter into the name the small-VLM server gets. Top-K fusion on vLLM: when
 * every one of the K adapters is an uploaded artifact, the product builds the fused adapter (the
 * exact mean of their weight updates, cached by the parts' hashes) and serves it like any other;
 * without artifacts an operator-registered {@code fused--a--b} name is used as before. llama.cpp
 * mixes the K adapters per request itself.
 */
@ApplicationScoped
public class ServedAdapters {

    @Inject
    FusedAdapters fusions;
    @Inject
    AdapterReconciler reconciler;

    public AdapterChoice serve(AdapterChoice choice, ModelSettings settings) {
        List<String> parts = choice.fusionArtifacts();
        if (parts.isEmpty() || !settings.smallVlm().configured()
                || !"vllm".equals(settings.smallVlm().dialect().toLowerCase(Locale.ROOT))) {
            return choice;
        }
        try {
            return choice.servedAs(fusions.servedFusion(parts), null);
        } catch (RuntimeException e) {
            return choice.servedAs(choice.adapterRef(), "Top-K fusion unavailable (" + e.getMessage()
                    + "): top-1 adapter " + choice.adapterRef());
        }
    }

    /** A turn met an adapter the server does not serve: reconcile soon rather than at the next period. */
    public void notServed(String adapter) {
        fusions.forgetServed(adapter);
        reconciler.requestSoon("a turn met unknown adapter " + adapter);
    }
}
