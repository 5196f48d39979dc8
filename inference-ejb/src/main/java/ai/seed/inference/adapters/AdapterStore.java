package ai.seed.inference.adapters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The adapter store: a directory that the small-VLM server mounts too (compose volume, Kubernetes
 * ReadWriteMany PVC), one folder per served adapter name holding {@code adapter_config.json} and
 * {@code adapter_model.safetensors}. That is the layout vLLM's filesystem LoRA resolver reads
 * ({@code VLLM_LORA_RESOLVER_CACHE_DIR} = this directory), so vLLM can load an adapter on its first
 * request by itself. Folders appear atomically (written beside, then renamed) and never change:
 * names derive from content, so a folder that exists already holds the same bytes.
 */
@ApplicationScoped
public class AdapterStore {

    static final String CONFIG = "adapter_config.json";
    static final String WEIGHTS = "adapter_model.safetensors";

    @Inject
    @ConfigProperty(name = "seed.adapters.dir")
    Optional<String> configuredDir;

    /** The same directory as the small-VLM server sees it (its mount point), if it differs. */
    @Inject
    @ConfigProperty(name = "seed.adapters.server-dir")
    Optional<String> serverDir;

    /** vLLM's --model: the base model name its resolver expects in adapter_config.json. */
    @Inject
    @ConfigProperty(name = "seed.adapters.base-model", defaultValue = "Qwen/Qwen2.5-VL-3B-Instruct")
    String baseModel;

    private volatile Path root;

    /** The store's directory, created (with its scratch area) on first use. */
    public Path root() {
        Path known = root;
        if (known != null) {
            return known;
        }
        Path dir = configuredDir.filter(s -> !s.isBlank()).map(Path::of).orElseGet(AdapterStore::defaultRoot);
        try {
            Files.createDirectories(dir.resolve(".incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("adapter store " + dir + " cannot be created", e);
        }
        root = dir;
        return dir;
    }

    private static Path defaultRoot() {
        String data = System.getProperty("jboss.server.data.dir");
        return data != null ? Path.of(data, "seed-adapters") : Path.of(System.getProperty("user.home"), ".seed-adapters");
    }

    public String configuredBaseModel() {
        return baseModel;
    }

    /** Where scratch folders go: on the store's file system, so that {@link #install} can rename them. */
    public Path scratchParent() {
        return root().resolve(".incoming");
    }

    public boolean has(String servedName) {
        Path folder = folder(servedName);
        return Files.isRegularFile(folder.resolve(CONFIG)) && Files.isRegularFile(folder.resolve(WEIGHTS));
    }

    public Path folder(String servedName) {
        if (!servedName.matches("seed-[a-z0-9-]{1,80}")) {
            throw new IllegalArgumentException("not a served adapter name: " + servedName);
        }
        return root().resolve(servedName);
    }

    /** The folder's path as the small-VLM server sees it: sent as vLLM's {@code lora_path}. */
    public String serverPath(String servedName) {
        return serverDir.filter(s -> !s.isBlank()).map(d -> Path.of(d, servedName).toString())
                .orElseGet(() -> folder(servedName).toString());
    }

    /**
     * Moves a validated folder (under {@link #scratchParent}) into place as {@code servedName}; the
     * config names the served base model, as the resolver demands. Returns whether it was new:
     * false when the same content was there already (then the scratch folder is removed).
     */
    public boolean install(Path scratch, String servedName) {
        Path target = folder(servedName);
        try {
            if (has(servedName)) {
                ScratchFiles.deleteTree(scratch);
                return false;
            }
            nameBaseModel(scratch.resolve(CONFIG));
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            ScratchFiles.deleteTree(scratch); // another node installed the same content a moment ago
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("adapter store " + root() + " cannot rename atomically", e);
        } catch (IOException e) {
            ScratchFiles.deleteTree(scratch);
            throw new UncheckedIOException("adapter " + servedName + " could not be stored", e);
        }
    }

    /** Removes a folder this node installed when the database refused the artifact (nothing half-written). */
    public void remove(String servedName) {
        ScratchFiles.deleteTree(folder(servedName));
    }

    private void nameBaseModel(Path config) throws IOException {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(Files.readString(config, StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        }
        if (!baseModel.equals(json.getString("base_model_name_or_path", null))) {
            Files.writeString(config, Json.createObjectBuilder(json).add("base_model_name_or_path", baseModel)
                    .build().toString(), StandardCharsets.UTF_8);
        }
    }
}
