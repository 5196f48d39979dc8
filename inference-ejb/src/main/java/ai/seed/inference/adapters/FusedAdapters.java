package ai.seed.inference.adapters;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterServing;
import ai.seed.domain.adapter.ServingState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Top-K fusion built by the product: the fused adapter of K uploaded adapters (the exact mean of
 * their weight updates, {@link AdapterFusion}) is stored like an upload, recorded with its parts'
 * hashes as cache key and served like any other adapter. Built once per set of parts; the first
 * turn that needs it waits for the build and the load, later ones find it.
 */
@ApplicationScoped
public class FusedAdapters {

    @Inject
    AdapterRepository adapters;
    @Inject
    AdapterStore store;
    @Inject
    AdapterReconciler reconciler;
    /** vLLM's --max-lora-rank bounds a fusion's rank (the sum of its parts' ranks). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "seed.adapters.max-fused-rank", defaultValue = "64")
    int maxFusedRank;

    /**
     * Fusions this node saw served, by their parts' key: a Top-K turn then costs no database or
     * file look-up. Forgotten when a turn meets one the server lost.
     */
    private final Map<String, String> servedByParts = new ConcurrentHashMap<>();

    /** The served name of the fusion of these artifacts (sha256), building and loading it first if needed. */
    public String servedFusion(List<String> partSha256s) {
        String key = AdapterArtifact.fusionKey(partSha256s);
        String known = servedByParts.get(key);
        if (known != null) {
            return known;
        }
        AdapterArtifact fused = adapters.findFusion(partSha256s).filter(f -> store.has(f.servedName()))
                .orElseGet(() -> build(partSha256s));
        String name = fused.servedName();
        Map<String, AdapterServing> states = reconciler.ensureServed(Map.of(name, Optional.of(fused)));
        AdapterServing state = states.get(name);
        if (state == null || state.state() != ServingState.SERVED) {
            throw new IllegalStateException("fused adapter " + name + " is not served"
                    + (state == null || state.reason() == null ? "" : ": " + state.reason()));
        }
        servedByParts.put(key, name);
        return name;
    }

    public void forgetServed(String name) {
        servedByParts.values().removeIf(name::equals);
    }

    private synchronized AdapterArtifact build(List<String> partSha256s) {
        Optional<AdapterArtifact> built = adapters.findFusion(partSha256s).filter(f -> store.has(f.servedName()));
        if (built.isPresent()) {
            return built.get(); // another turn built it while this one waited
        }
        List<Path> parts = new ArrayList<>();
        for (String sha : partSha256s) {
            AdapterArtifact part = adapters.find(sha)
                    .orElseThrow(() -> new IllegalStateException("adapter " + sha + " is not stored"));
            if (!store.has(part.servedName())) {
                throw new IllegalStateException("the files of adapter " + part.servedName() + " are missing from the store");
            }
            parts.add(store.folder(part.servedName()));
        }
        Path scratch = store.scratchParent().resolve("fusion-" + java.util.UUID.randomUUID());
        try {
            ValidatedAdapter fused = new AdapterFusion(new AdapterValidator(), maxFusedRank).fuse(parts, scratch).adapter();
            // Named by the artifacts' hashes as recorded (the store's copy may name the base model differently).
            String name = AdapterNames.fusedName(partSha256s);
            boolean created = store.install(scratch, name);
            try {
                return adapters.saveIfAbsent(AdapterArtifact.fused(fused.sha256(), name, AdapterIntake.facts(fused),
                        partSha256s, "seed:top-k-fusion"));
            } catch (RuntimeException e) {
                if (created) {
                    store.remove(name);
                }
                throw e;
            }
        } catch (AdapterRejectedException e) {
            ScratchFiles.deleteTree(scratch);
            throw new IllegalStateException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            ScratchFiles.deleteTree(scratch);
            throw new java.io.UncheckedIOException("fusion failed", e);
        }
    }
}
