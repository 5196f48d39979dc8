package ai.seed.inference.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ai.seed.domain.adapter.AdapterArtifact;
import ai.seed.domain.adapter.AdapterRepository;
import ai.seed.domain.adapter.AdapterServing;
import ai.seed.domain.adapter.ServingState;
import ai.seed.inference.model.NonRetriableModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reconcile round against a scripted LoRA server: what it loads, unloads and records. */
class AdapterReconcilerTest {

    static final String SHA = "a".repeat(64);
    static final String NAME = "seed-aaaaaaaaaaaaaaaa";

    @TempDir
    Path dir;

    final States states = new States();
    final ScriptedServer server = new ScriptedServer();
    final AdapterReconciler reconciler = new AdapterReconciler();

    @BeforeEach
    void wire() throws Exception {
        reconciler.adapters = states;
        reconciler.store = new AdapterStore();
        reconciler.store.configuredDir = Optional.of(dir.toString());
        reconciler.store.serverDir = Optional.of("/adapters");
        reconciler.store.baseModel = "Qwen/Qwen2.5-VL-3B-Instruct";
        Files.createDirectories(dir.resolve(NAME));
        Files.writeString(dir.resolve(NAME).resolve("adapter_config.json"), "{}");
        Files.writeString(dir.resolve(NAME).resolve("adapter_model.safetensors"), "x");
    }

    private static Optional<AdapterArtifact> artifact() {
        return Optional.of(AdapterArtifact.uploaded(SHA, NAME, new AdapterArtifact.Facts("b", 2, 4, List.of("q_proj"), 4, 10),
                "test"));
    }

    @Test
    void loadsWhatIsMissingFromTheStoreAndUnloadsOnlyItsOwnUnwantedAdapters() {
        server.served.put("seed-old0000000000000", "/adapters/seed-old");
        server.served.put("hand-loaded", "/elsewhere");
        var round = reconciler.round(server, Map.of(NAME, artifact(), "meta-3", Optional.empty()));

        assertThat(server.loads).containsExactly(NAME + "=/adapters/" + NAME);
        assertThat(server.unloads).containsExactly("seed-old0000000000000");
        assertThat(states.get(NAME).state()).isEqualTo(ServingState.SERVED);
        assertThat(states.get("meta-3").state()).isEqualTo(ServingState.MISSING);
        assertThat(states.get("meta-3").reason()).contains("no adapter was uploaded");
        assertThat(round.loaded()).isEqualTo(1);
        assertThat(round.unloaded()).isEqualTo(1);
    }

    @Test
    void aRefusedLoadIsFailedWithTheServersReason() {
        server.refuse = true;
        reconciler.round(server, Map.of(NAME, artifact()));
        assertThat(states.get(NAME).state()).isEqualTo(ServingState.FAILED);
        assertThat(states.get(NAME).reason()).contains("No adapter found");
    }

    @Test
    void servedAdaptersAreLeftAloneAndMissingFilesAreNamed() throws Exception {
        server.served.put(NAME, "/adapters/" + NAME);
        reconciler.round(server, Map.of(NAME, artifact()));
        assertThat(server.loads).isEmpty();
        assertThat(states.get(NAME).state()).isEqualTo(ServingState.SERVED);

        server.served.clear();
        Files.delete(dir.resolve(NAME).resolve("adapter_model.safetensors"));
        reconciler.round(server, Map.of(NAME, artifact()));
        assertThat(states.get(NAME).state()).isEqualTo(ServingState.FAILED);
        assertThat(states.get(NAME).reason()).contains("missing from the adapter store");
    }

    @Test
    void aServerThatCannotLoadLeavesThemMissingWithItsReason() {
        server.canLoad = false;
        reconciler.round(server, Map.of(NAME, artifact()));
        assertThat(server.loads).isEmpty();
        assertThat(states.get(NAME).state()).isEqualTo(ServingState.MISSING);
        assertThat(states.get(NAME).reason()).contains("only at start");
    }

    /** A LoRA server that keeps what it was asked to load. */
    static final class ScriptedServer implements LoraServer {
        final Map<String, String> served = new LinkedHashMap<>();
        final List<String> loads = new java.util.ArrayList<>();
        final List<String> unloads = new java.util.ArrayList<>();
        boolean refuse;
        boolean canLoad = true;

        @Override
        public Map<String, String> served() {
            return Map.copyOf(served);
        }

        @Override
        public LoadSupport loadSupport() {
            return canLoad ? LoadSupport.YES : new LoadSupport(false, "loads adapters only at start");
        }

        @Override
        public void load(String name, String serverPath) {
            if (refuse) {
                throw new NonRetriableModelException("model server answered HTTP 400: No adapter found for " + serverPath,
                        400, null);
            }
            loads.add(name + "=" + serverPath);
            served.put(name, serverPath);
        }

        @Override
        public void unload(String name) {
            unloads.add(name);
            served.remove(name);
        }
    }

    /** Serving states in memory; the rest of the repository is not used by a round. */
    static final class States implements AdapterRepository {
        final Map<String, AdapterServing> rows = new HashMap<>();

        AdapterServing get(String name) {
            return rows.get(name);
        }

        @Override
        public void recordServing(String servedName, ServingState state, String reason, Instant now) {
            AdapterServing old = rows.get(servedName);
            rows.put(servedName, new AdapterServing(servedName, state, reason,
                    old != null && old.state() == state ? old.since() : now, now));
        }

        @Override
        public void forgetServingExcept(Set<String> servedNames) {
            rows.keySet().retainAll(servedNames);
        }

        @Override
        public Map<String, AdapterServing> servingStates(Collection<String> servedNames) {
            Map<String, AdapterServing> out = new HashMap<>();
            servedNames.forEach(n -> {
                if (rows.containsKey(n)) {
                    out.put(n, rows.get(n));
                }
            });
            return out;
        }

        @Override
        public Optional<AdapterArtifact> find(String sha256) {
            return Optional.empty();
        }

        @Override
        public Optional<AdapterArtifact> findByServedName(String servedName) {
            return Optional.empty();
        }

        @Override
        public Optional<AdapterArtifact> findFusion(List<String> partSha256s) {
            return Optional.empty();
        }

        @Override
        public AdapterArtifact saveIfAbsent(AdapterArtifact artifact) {
            return artifact;
        }

        @Override
        public Map<String, Optional<AdapterArtifact>> routedByActiveVersions() {
            return Map.of();
        }

        @Override
        public Map<Integer, RoutedAdapter> routedBy(long versionId) {
            return Map.of();
        }

        @Override
        public List<AdapterArtifact> fusionsWithin(Set<String> sha256s) {
            return List.of();
        }

        @Override
        public Optional<VersionOwner> versionOwner(long versionId) {
            return Optional.empty();
        }

        @Override
        public UploadKey saveUploadKey(UploadKey key) {
            return key;
        }

        @Override
        public Optional<UploadKey> findUploadKey(String prefix) {
            return Optional.empty();
        }

        @Override
        public Optional<UploadKey> findUploadKeyById(UUID id) {
            return Optional.empty();
        }

        @Override
        public void markUploadKeyUsed(UUID id, Instant when) {
        }
    }
}
