package ai.seed.inference.dictionary;

import ai.seed.inference.dictionary.YamlText.Literal;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ready-to-run training job of one meta-concept's LoRA adapter (paper §3.3.1: one adapter per
 * K-means cluster on Qwen2.5-VL-3B): the ShareGPT dataset of {@link TrainingManifestExporter}, its
 * LLaMA-Factory registration and configuration, and a Kubernetes Job that trains on one GPU and
 * then uploads the adapter to Seed ({@code PUT .../meta-concepts/{index}/adapter-artifact}) with an
 * upload key scoped to that meta-concept, read from a Secret.
 *
 * <p>Files, in this order (names relative to the bundle folder):
 * <ul>
 *   <li>{@code README.md}: the steps, with the exact commands;</li>
 *   <li>{@code job.yaml}: the batch/v1 Job. The pod's init container {@code train} runs
 *       {@code llamafactory-cli train} and zips {@code adapter_config.json} and
 *       {@code adapter_model.safetensors}; its one container {@code upload} (an image with curl)
 *       then PUTs the zip. Init containers run to completion first, so the upload can only follow a
 *       successful training, and only the upload container sees the key. The key Secret is a
 *       volume: a pod whose Secret is missing does not start, so no GPU time is spent on a job that
 *       could not deliver;</li>
 *   <li>{@code train.yaml}: the LLaMA-Factory configuration;</li>
 *   <li>{@code data/dataset_info.json}, {@code data/meta-<index>.json}: the dataset registration
 *       ({@link DatasetInfo}) and the dataset as given;</li>
 *   <li>{@code images.txt}: the image paths the dataset refers to, one per line, sorted;</li>
 *   <li>{@code volumes.yaml}: the two PVCs (data, model cache), created once per cluster;</li>
 *   <li>{@code copy-pod.yaml}: a pod to copy the bundle and the images onto the data volume.</li>
 * </ul>
 *
 * <p>The dataset and the images travel on a PVC rather than a ConfigMap: a ConfigMap holds at most
 * 1 MiB, less than the dataset of a large cluster (every sample repeats the Table 6 prompt), and
 * the images need a volume anyway. On the data volume (mounted at {@value #DATA_MOUNT}) the bundle
 * lies in {@code bundles/v<version>-meta-<index>/}; relative image paths resolve against the
 * volume's root ({@code media_dir}); a copy of the trained adapter's zip is kept in
 * {@code outputs/v<version>-meta-<index>/} so that a refused upload can be repeated by hand.
 *
 * <p>Output is deterministic: the same inputs give the same files and the same zip bytes (fixed
 * entry times, fixed order). Thread-safe; no I/O except into the given stream.
 */
public final class TrainingJobBundle {

    /** Where the data volume is mounted in the Job's and the copy pod's containers. */
    public static final String DATA_MOUNT = "/data";
    /** The Secret key that holds the upload key. */
    public static final String SECRET_KEY = "api-key";
    /** The pod that fills the data volume (copy-pod.yaml). */
    public static final String COPY_POD = "seed-training-copy";

    static final int UID = 1000;
    static final String CACHE_MOUNT = "/cache";
    static final String OUTPUT_MOUNT = "/output";
    static final String HOME = "/home/seed";
    static final String KEY_MOUNT = "/etc/seed-upload";
    /** curl --fail-with-body's exit code for an HTTP answer of 400 or more. */
    static final int CURL_HTTP_ERROR = 22;
    /** Exit codes of the training script for problems a retry cannot fix. */
    static final int EXIT_NO_BUNDLE = 2;
    static final int EXIT_NO_ADAPTER = 3;
    private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final TrainingJobSettings settings;

    public TrainingJobBundle(TrainingJobSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TrainingJobSettings settings() {
        return settings;
    }

    // ---- names -------------------------------------------------------------------------------

    /** {@code seed-training-v<version>-meta-<index>}: the bundle's folder in the zip. */
    public static String bundleName(long versionId, int clusterIndex) {
        return "seed-training-" + key(versionId, clusterIndex);
    }

    /** {@code seed-training-v<version>-meta-<index>.zip}: the download's file name. */
    public static String zipFileName(long versionId, int clusterIndex) {
        return bundleName(versionId, clusterIndex) + ".zip";
    }

    /** {@code seed-train-v<version>-meta-<index>}: the Job. */
    public static String jobName(long versionId, int clusterIndex) {
        return "seed-train-" + key(versionId, clusterIndex);
    }

    /** {@code seed-adapter-upload-v<version>-<index>}: the Secret with the upload key. */
    public static String uploadSecretName(long versionId, int clusterIndex) {
        check(versionId, clusterIndex);
        return "seed-adapter-upload-v" + versionId + "-" + clusterIndex;
    }

    /** {@code data/meta-<index>.json}: the dataset's path in the bundle. */
    public static String datasetPath(int clusterIndex) {
        check(1, clusterIndex);
        return "data/meta-" + clusterIndex + ".json";
    }

    public static String uploadPath(long versionId, int clusterIndex) {
        check(versionId, clusterIndex);
        return "/api/v1/dictionary/versions/" + versionId + "/meta-concepts/" + clusterIndex + "/adapter-artifact";
    }

    public static String uploadKeysPath(long versionId, int clusterIndex) {
        check(versionId, clusterIndex);
        return "/api/v1/dictionary/versions/" + versionId + "/meta-concepts/" + clusterIndex + "/upload-keys";
    }

    /** The URL the Job PUTs the adapter to: the settings' API base URL and {@link #uploadPath}. */
    public String uploadUrl(long versionId, int clusterIndex) {
        return settings.apiBaseUrl() + uploadPath(versionId, clusterIndex);
    }

    /** The bundle's folder on the data volume, as the containers see it. */
    public static String bundleDirectory(long versionId, int clusterIndex) {
        return DATA_MOUNT + "/bundles/" + key(versionId, clusterIndex);
    }

    static String adapterCopy(long versionId, int clusterIndex) {
        return DATA_MOUNT + "/outputs/" + key(versionId, clusterIndex) + "/adapter.zip";
    }

    private static String key(long versionId, int clusterIndex) {
        check(versionId, clusterIndex);
        return "v" + versionId + "-meta-" + clusterIndex;
    }

    private static void check(long versionId, int clusterIndex) {
        if (versionId < 1) {
            throw new IllegalArgumentException("version id must be positive: " + versionId);
        }
        if (clusterIndex < 0) {
            throw new IllegalArgumentException("cluster index must not be negative: " + clusterIndex);
        }
    }

    // ---- the bundle --------------------------------------------------------------------------

    /**
     * The bundle's files, name to UTF-8 text, in a fixed order.
     *
     * @param metaConceptLabel the meta-concept's label (its representative concept, e.g. {@code <bo>}),
     *                         for people: comments, the README, an annotation
     * @param datasetJson      the ShareGPT dataset of {@link TrainingManifestExporter#export}
     * @throws IllegalArgumentException when the dataset is no non-empty JSON array of samples with
     *                                  image paths, or an argument is out of range
     */
    public Map<String, String> files(long versionId, int clusterIndex, String metaConceptLabel, String datasetJson) {
        check(versionId, clusterIndex);
        String label = label(metaConceptLabel);
        Objects.requireNonNull(datasetJson, "datasetJson");
        Dataset dataset = Dataset.read(datasetJson);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", readme(versionId, clusterIndex, label, dataset));
        files.put("job.yaml", job(versionId, clusterIndex, label));
        files.put("train.yaml", train(versionId, clusterIndex, label, dataset));
        files.put("data/dataset_info.json", datasetInfo(clusterIndex));
        files.put(datasetPath(clusterIndex), datasetJson);
        files.put("images.txt", String.join("\n", dataset.images()) + "\n");
        files.put("volumes.yaml", volumes());
        files.put("copy-pod.yaml", copyPod());
        return Collections.unmodifiableMap(files);
    }

    /** The bundle as a zip: {@link #files} under the folder {@link #bundleName}. */
    public byte[] zip(long versionId, int clusterIndex, String metaConceptLabel, String datasetJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeZip(files(versionId, clusterIndex, metaConceptLabel, datasetJson), bundleName(versionId, clusterIndex),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code files} as a zip, each under {@code folder/}, in map order, with a fixed time
     * (2000-01-01 00:00, no extended timestamps) so that equal input gives equal bytes. The stream
     * is finished, not closed.
     */
    public static void writeZip(Map<String, String> files, String folder, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(9);
        for (Map.Entry<String, String> file : files.entrySet()) {
            ZipEntry entry = new ZipEntry(folder + "/" + file.getKey());
            entry.setTimeLocal(ZIP_TIME);
            zip.putNextEntry(entry);
            zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static String label(String label) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("the meta-concept label is required");
        }
        // one line of text: it goes into comments, an annotation and Markdown code spans
        StringBuilder out = new StringBuilder();
        label.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == '`' ? ' ' : c));
        String s = out.toString().strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** The dataset's image paths, checked: LLaMA-Factory needs every sample to name its images. */
    record Dataset(int samples, List<String> images, int absolute) {

        static Dataset read(String json) {
            JsonArray array;
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                array = reader.readArray();
            } catch (JsonException | IllegalStateException | ClassCastException e) {
                throw new IllegalArgumentException("the dataset is no JSON array of ShareGPT samples: " + e.getMessage(), e);
            }
            if (array.isEmpty()) {
                throw new IllegalArgumentException("the dataset has no samples");
            }
            SortedSet<String> images = new TreeSet<>();
            for (int i = 0; i < array.size(); i++) {
                JsonValue value = array.get(i);
                if (!(value instanceof JsonObject sample) || !(sample.get("messages") instanceof JsonArray)
                        || !(sample.get("images") instanceof JsonArray paths) || paths.isEmpty()) {
                    throw new IllegalArgumentException("sample " + i + " needs a messages array and a non-empty images array");
                }
                for (JsonValue path : paths) {
                    if (!(path instanceof JsonString s) || s.getString().isBlank() || s.getString().contains("\n")
                            || s.getString().contains("\r")) {
                        throw new IllegalArgumentException("sample " + i + " has an image path that is no one-line string");
                    }
                    images.add(s.getString());
                }
            }
            int absolute = (int) images.stream().filter(p -> p.startsWith("/")).count();
            return new Dataset(array.size(), List.copyOf(images), absolute);
        }
    }

    // ---- data/dataset_info.json ----------------------------------------------------------------

    private static String datasetInfo(int clusterIndex) {
        JsonObject info = Json.createObjectBuilder()
                .add(DatasetInfo.datasetName(clusterIndex), DatasetInfo.entry("meta-" + clusterIndex + ".json")).build();
        StringBuilder out = new StringBuilder();
        prettyJson(out, info, 0);
        return out.append('\n').toString();
    }

    /** Two-space indented JSON; JSON-P writes the strings (and their escapes). */
    private static void prettyJson(StringBuilder out, JsonValue value, int indent) {
        if (value instanceof JsonObject object && !object.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                out.append(" ".repeat(indent + 2)).append(Json.createValue(e.getKey())).append(": ");
                prettyJson(out, e.getValue(), indent + 2);
                out.append(++i < object.size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append('}');
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            out.append("[\n");
            for (int i = 0; i < array.size(); i++) {
                out.append(" ".repeat(indent + 2));
                prettyJson(out, array.get(i), indent + 2);
                out.append(i + 1 < array.size() ? ",\n" : "\n");
            }
            out.append(" ".repeat(indent)).append(']');
        } else {
            out.append(value);
        }
    }

    // ---- train.yaml ----------------------------------------------------------------------------

    private String train(long versionId, int clusterIndex, String label, Dataset dataset) {
        TrainingJobSettings s = settings;
        StringBuilder out = new StringBuilder();
        out.append(YamlText.comment("LLaMA-Factory: the LoRA adapter of meta-concept " + clusterIndex + " (" + label
                + ") of Seed's dictionary version " + versionId + ".\n"
                + "Run by job.yaml as `llamafactory-cli train " + bundleDirectory(versionId, clusterIndex)
                + "/train.yaml`; paths are the\n"
                + "container's (data volume at " + DATA_MOUNT + "). Generated by Seed (TrainingJobBundle)."));
        section(out, "model", "model_name_or_path", s.baseModel(),
                // larger images are scaled down to this many pixels; cutoff_len holds that many tokens
                "image_max_pixels", s.imageMaxPixels());
        section(out, "method", "stage", "sft", "do_train", true, "finetuning_type", "lora",
                "lora_rank", s.loraRank(), "lora_alpha", s.loraAlpha(), "lora_target", s.loraTarget(),
                // the adapter covers the language model only, which is what vLLM serves LoRA on
                "freeze_vision_tower", true, "freeze_multi_modal_projector", true);
        section(out, "dataset", "dataset", DatasetInfo.datasetName(clusterIndex),
                "dataset_dir", bundleDirectory(versionId, clusterIndex) + "/data", "media_dir", DATA_MOUNT,
                "template", s.template(), "cutoff_len", s.cutoffLen(), "preprocessing_num_workers", 4,
                "dataloader_num_workers", 2);
        section(out, "output", "output_dir", OUTPUT_MOUNT + "/adapter", "logging_steps", 1,
                "save_strategy", "no", "report_to", "none");
        section(out, "train", "per_device_train_batch_size", s.perDeviceTrainBatchSize(),
                "gradient_accumulation_steps", s.gradientAccumulationSteps(), "learning_rate", s.learningRate(),
                "num_train_epochs", s.epochs(), "lr_scheduler_type", "cosine",
                // 10 % of the steps as an integer: warmup_ratio is gone from newer transformers, and a
                // fractional warmup_steps is unknown to older ones
                "warmup_steps", warmupSteps(optimizerSteps(dataset.samples())), "bf16", true,
                "seed", 42);
        String text = out.toString();
        if (text.contains("${")) {
            // OmegaConf, which reads the file, would resolve it as an interpolation
            throw new IllegalArgumentException("train.yaml must not contain ${");
        }
        return text;
    }

    /**
     * Optimizer steps of the whole training, as the Hugging Face Trainer counts them: batches per
     * device per epoch, divided by the accumulation steps (rounded up), times the epochs.
     */
    int optimizerSteps(int samples) {
        TrainingJobSettings s = settings;
        long batches = ceilDiv(samples, (long) s.gpus() * s.perDeviceTrainBatchSize());
        long perEpoch = Math.max(1, ceilDiv(batches, s.gradientAccumulationSteps()));
        return (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(perEpoch * s.epochs()));
    }

    static int warmupSteps(int optimizerSteps) {
        return optimizerSteps / 10;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static void section(StringBuilder out, String name, Object... keyValues) {
        out.append("\n### ").append(name).append('\n').append(YamlText.document(map(keyValues)));
    }

    // ---- job.yaml ------------------------------------------------------------------------------

    private String job(long versionId, int clusterIndex, String label) {
        TrainingJobSettings s = settings;
        Map<String, Object> labels = map("app.kubernetes.io/name", "seed-adapter-training",
                "app.kubernetes.io/part-of", "seed", "seed.example/dictionary-version", Long.toString(versionId),
                "seed.example/meta-concept", Integer.toString(clusterIndex));
        Map<String, Object> annotations = map("seed.example/meta-concept-label", label);
        String gpu = Integer.toString(s.gpus());

        Map<String, Object> train = map(
                "name", "train",
                "image", s.trainerImage(),
                "command", List.of("/bin/bash", "-c"),
                "args", List.of(new Literal(TRAIN_SCRIPT)),
                "env", List.of(
                        env("SEED_TRAIN_CONFIG", bundleDirectory(versionId, clusterIndex) + "/train.yaml"),
                        env("SEED_ADAPTER_DIR", OUTPUT_MOUNT + "/adapter"),
                        env("SEED_ADAPTER_ZIP", OUTPUT_MOUNT + "/adapter.zip"),
                        env("SEED_ADAPTER_COPY", adapterCopy(versionId, clusterIndex)),
                        env("HOME", HOME),
                        env("HF_HOME", CACHE_MOUNT + "/huggingface"),
                        env("PYTHONUNBUFFERED", "1")),
                // HF_TOKEN for gated models; Qwen2.5-VL-3B-Instruct needs none
                "envFrom", List.of(map("secretRef", map("name", "seed-model-download", "optional", true))),
                "resources", map(
                        "requests", map("cpu", s.cpuRequest(), "memory", s.memory(), "nvidia.com/gpu", gpu),
                        "limits", map("memory", s.memory(), "nvidia.com/gpu", gpu)),
                "securityContext", containerSecurity(false),
                "volumeMounts", List.of(
                        mount("data", DATA_MOUNT, false),
                        mount("model-cache", CACHE_MOUNT, false),
                        mount("output", OUTPUT_MOUNT, false),
                        mount("home", HOME, false),
                        mount("shm", "/dev/shm", false)));
        Map<String, Object> upload = map(
                "name", "upload",
                "image", s.uploaderImage(),
                "command", List.of("/bin/sh", "-c"),
                "args", List.of(new Literal(UPLOAD_SCRIPT)),
                "env", List.of(
                        env("SEED_ADAPTER_ZIP", OUTPUT_MOUNT + "/adapter.zip"),
                        env("SEED_UPLOAD_URL", uploadUrl(versionId, clusterIndex)),
                        env("SEED_UPLOAD_KEY_FILE", KEY_MOUNT + "/" + SECRET_KEY)),
                "resources", map(
                        "requests", map("cpu", "100m", "memory", "64Mi"),
                        "limits", map("memory", "128Mi")),
                "securityContext", containerSecurity(true),
                "volumeMounts", List.of(
                        mount("output", OUTPUT_MOUNT, true),
                        mount("upload-key", KEY_MOUNT, true)));
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("restartPolicy", "Never");
        pod.put("nodeSelector", new LinkedHashMap<>(s.gpuNodeSelector()));
        pod.put("tolerations", List.of(map("key", "nvidia.com/gpu", "operator", "Exists", "effect", "NoSchedule")));
        pod.put("securityContext", podSecurity());
        pod.put("initContainers", List.of(train));
        pod.put("containers", List.of(upload));
        pod.put("volumes", List.of(
                map("name", "data", "persistentVolumeClaim", map("claimName", s.dataClaim())),
                map("name", "model-cache", "persistentVolumeClaim", map("claimName", s.modelCacheClaim())),
                map("name", "output", "emptyDir", map("sizeLimit", "10Gi")),
                map("name", "home", "emptyDir", map("sizeLimit", "10Gi")),
                map("name", "shm", "emptyDir", map("medium", "Memory", "sizeLimit", "8Gi")),
                // 288 = 0440: readable by the pod's group (fsGroup), not by others
                map("name", "upload-key", "secret", map("secretName", uploadSecretName(versionId, clusterIndex),
                        "defaultMode", 288))));

        Map<String, Object> job = map(
                "apiVersion", "batch/v1",
                "kind", "Job",
                "metadata", map("name", jobName(versionId, clusterIndex), "namespace", s.namespace(),
                        "labels", labels, "annotations", annotations),
                "spec", map(
                        "backoffLimit", s.backoffLimit(),
                        "activeDeadlineSeconds", s.activeDeadlineSeconds(),
                        "ttlSecondsAfterFinished", s.ttlSecondsAfterFinished(),
                        "podFailurePolicy", map("rules", List.of(
                                map("action", "FailJob", "onExitCodes", map("containerName", "train",
                                        "operator", "In", "values", List.of(EXIT_NO_BUNDLE, EXIT_NO_ADAPTER))),
                                map("action", "FailJob", "onExitCodes", map("containerName", "upload",
                                        "operator", "NotIn", "values", List.of(0))),
                                map("action", "Ignore", "onPodConditions",
                                        List.of(map("type", "DisruptionTarget", "status", "True"))))),
                        "template", map("metadata", map("labels", labels, "annotations", annotations),
                                "spec", pod)));
        return YamlText.comment("Trains the LoRA adapter of meta-concept " + clusterIndex + " (" + label
                + ") of Seed's dictionary version " + versionId + "\n"
                + "on one GPU node and uploads it to Seed. Steps: README.md beside this file. Generated by Seed\n"
                + "(TrainingJobBundle): regenerate rather than edit.\n"
                + "\n"
                + "init container train: llamafactory-cli train, then zips the adapter (and keeps a copy on the\n"
                + "  data volume, " + adapterCopy(versionId, clusterIndex) + ");\n"
                + "container upload:     PUTs the zip to Seed with the upload key of Secret "
                + uploadSecretName(versionId, clusterIndex) + ".\n"
                + "A refused upload (curl exits " + CURL_HTTP_ERROR + ") or a missing bundle fails the Job at once; other\n"
                + "failures of training are retried " + s.backoffLimit() + " time(s); evicted pods do not count.")
                + YamlText.document(job);
    }

    static final String TRAIN_SCRIPT = """
            set -euo pipefail
            if [ ! -f "$SEED_TRAIN_CONFIG" ]; then
              echo "seed: $SEED_TRAIN_CONFIG is missing: copy the bundle onto the data volume first (README.md)" >&2
              exit %d
            fi
            llamafactory-cli train "$SEED_TRAIN_CONFIG"
            cd "$SEED_ADAPTER_DIR"
            for f in adapter_config.json adapter_model.safetensors; do
              if [ ! -s "$f" ]; then
                echo "seed: training wrote no $f in $SEED_ADAPTER_DIR" >&2
                exit %d
              fi
            done
            python -m zipfile -c "$SEED_ADAPTER_ZIP" adapter_config.json adapter_model.safetensors
            sha256sum "$SEED_ADAPTER_ZIP"
            if mkdir -p "$(dirname "$SEED_ADAPTER_COPY")" && cp "$SEED_ADAPTER_ZIP" "$SEED_ADAPTER_COPY"; then
              echo "seed: adapter zipped, a copy kept at $SEED_ADAPTER_COPY"
            else
              echo "seed: adapter zipped; warning: no copy kept at $SEED_ADAPTER_COPY" >&2
            fi
            """.formatted(EXIT_NO_BUNDLE, EXIT_NO_ADAPTER);

    static final String UPLOAD_SCRIPT = """
            set -eu
            key=$(cat "$SEED_UPLOAD_KEY_FILE")
            echo "seed: uploading $(wc -c < "$SEED_ADAPTER_ZIP") bytes to $SEED_UPLOAD_URL"
            curl --fail-with-body --silent --show-error --retry 5 --retry-connrefused --retry-delay 10 \\
              --upload-file "$SEED_ADAPTER_ZIP" -H "Content-Type: application/zip" \\
              -H "Authorization: Bearer $key" "$SEED_UPLOAD_URL"
            echo
            echo "seed: adapter accepted"
            """;

    private static Map<String, Object> podSecurity() {
        return map("runAsNonRoot", true, "runAsUser", UID, "runAsGroup", UID, "fsGroup", UID,
                "fsGroupChangePolicy", "OnRootMismatch", "seccompProfile", map("type", "RuntimeDefault"));
    }

    private static Map<String, Object> containerSecurity(boolean readOnlyRoot) {
        Map<String, Object> security = map("allowPrivilegeEscalation", false, "capabilities", map("drop", List.of("ALL")));
        if (readOnlyRoot) {
            security.put("readOnlyRootFilesystem", true);
        }
        return security;
    }

    // ---- volumes.yaml, copy-pod.yaml ----------------------------------------------------------

    private String volumes() {
        TrainingJobSettings s = settings;
        Map<String, Object> labels = map("app.kubernetes.io/name", "seed-adapter-training",
                "app.kubernetes.io/part-of", "seed");
        return YamlText.comment("The volumes of Seed's adapter training Jobs, created once per cluster and kept:\n"
                + s.dataClaim() + " holds the bundles and the concept images (the Job mounts it at " + DATA_MOUNT
                + "),\n" + s.modelCacheClaim() + " the Hugging Face cache with the base model (downloaded once).\n"
                + (s.volumeAccessMode().equals("ReadWriteOnce")
                        ? "ReadWriteOnce: one pod at a time; for parallel Jobs on several nodes use ReadWriteMany.\n"
                        : "ReadWriteMany: Jobs of several meta-concepts may run at once on different nodes.\n")
                + "Generated by Seed (TrainingJobBundle).")
                + YamlText.document(pvc(s.dataClaim(), s.dataStorage(), labels))
                + "---\n"
                + YamlText.document(pvc(s.modelCacheClaim(), s.modelCacheStorage(), labels));
    }

    private Map<String, Object> pvc(String name, String storage, Map<String, Object> labels) {
        return map("apiVersion", "v1", "kind", "PersistentVolumeClaim",
                "metadata", map("name", name, "namespace", settings.namespace(), "labels", labels),
                "spec", map("accessModes", List.of(settings.volumeAccessMode()),
                        "resources", map("requests", map("storage", storage))));
    }

    private String copyPod() {
        TrainingJobSettings s = settings;
        Map<String, Object> pod = map(
                "apiVersion", "v1",
                "kind", "Pod",
                "metadata", map("name", COPY_POD, "namespace", s.namespace(), "labels",
                        map("app.kubernetes.io/name", COPY_POD, "app.kubernetes.io/part-of", "seed")),
                "spec", map(
                        "restartPolicy", "Never",
                        "activeDeadlineSeconds", 3600,
                        "securityContext", podSecurity(),
                        "containers", List.of(map(
                                "name", "copy",
                                "image", s.copyImage(),
                                "command", List.of("sleep", "3600"),
                                "resources", map("requests", map("cpu", "100m", "memory", "64Mi"),
                                        "limits", map("memory", "256Mi")),
                                "securityContext", containerSecurity(true),
                                "volumeMounts", List.of(mount("data", DATA_MOUNT, false)))),
                        "volumes", List.of(map("name", "data", "persistentVolumeClaim",
                                map("claimName", s.dataClaim())))));
        return YamlText.comment("A pod to fill the data volume " + s.dataClaim() + " with bundles and images "
                + "(README.md, step 2); it\nends itself after an hour. Delete it before a Job starts when the volume "
                + "is ReadWriteOnce.\nGenerated by Seed (TrainingJobBundle).")
                + YamlText.document(pod);
    }

    // ---- README.md -----------------------------------------------------------------------------

    private String readme(long versionId, int clusterIndex, String label, Dataset dataset) {
        TrainingJobSettings s = settings;
        String ns = s.namespace();
        String job = jobName(versionId, clusterIndex);
        String secret = uploadSecretName(versionId, clusterIndex);
        String bundle = bundleName(versionId, clusterIndex);
        String dir = bundleDirectory(versionId, clusterIndex);
        String[] forward = service(s.apiBaseUrl(), ns);
        StringBuilder md = new StringBuilder();
        md.append("# Training the adapter of meta-concept ").append(clusterIndex).append(" (`").append(label)
                .append("`), dictionary version ").append(versionId).append("\n\n");
        md.append("""
                This bundle trains the LoRA adapter of one meta-concept of Seed's dictionary (SLC paper §3.3.1)
                on one GPU of a Kubernetes cluster with [LLaMA-Factory](https://github.com/hiyouga/LLaMA-Factory),
                then uploads it to Seed, which serves it by a name derived from its SHA-256. Generated by Seed;
                regenerate it (download it again) rather than edit it.

                """);
        md.append("| | |\n|---|---|\n");
        row(md, "Base model", "`" + s.baseModel() + "` (template `" + s.template() + "`)");
        row(md, "LoRA", "rank " + s.loraRank() + ", alpha " + s.loraAlpha() + ", target `" + s.loraTarget()
                + "` (language model; vision tower and projector frozen)");
        int steps = optimizerSteps(dataset.samples());
        row(md, "Training", YamlText.decimal(s.epochs()) + " epochs = about " + steps + " optimizer steps ("
                + warmupSteps(steps) + " of warm-up; the paper trains 80), learning rate "
                + YamlText.decimal(s.learningRate())
                + ", batch " + s.effectiveBatchSize() + " (" + s.gpus() + " GPU x " + s.perDeviceTrainBatchSize()
                + " x " + s.gradientAccumulationSteps() + " accumulation steps), cutoff " + s.cutoffLen()
                + " tokens, images scaled to at most " + s.imageMaxPixels() + " pixels");
        row(md, "Dataset", "`" + datasetPath(clusterIndex) + "`: " + dataset.samples() + " samples, "
                + dataset.images().size() + " distinct images (`images.txt`), registered as `"
                + DatasetInfo.datasetName(clusterIndex) + "` in `data/dataset_info.json`");
        row(md, "Job", "`" + job + "` in namespace `" + ns + "`, " + s.gpus() + " x `nvidia.com/gpu`, at most "
                + s.activeDeadlineSeconds() + " s, kept " + s.ttlSecondsAfterFinished() + " s after it ends");
        row(md, "Upload", "`PUT " + uploadUrl(versionId, clusterIndex) + "` with the key in Secret `" + secret
                + "` (key `" + SECRET_KEY + "`)");
        md.append("\n");
        md.append("""
                Files: `job.yaml` (the Job), `train.yaml` (LLaMA-Factory configuration), `data/` (dataset and
                its registration), `images.txt` (the images the dataset needs), `volumes.yaml` (the volumes,
                once per cluster), `copy-pod.yaml` (a pod to fill the data volume).

                You need `kubectl` with access to namespace `%s`, `curl`, `jq` and `tar`, the credentials of an
                admin who may manage this dictionary version (a signed-in console session's cookie `SEED_COOKIE`; partner API keys cannot) and Seed's URL as you reach it
                (`SEED_URL`, e.g. `https://seed.example.com`). Run the commands in bash, in the bundle's folder:

                ```bash
                unzip %s.zip && cd %s
                export SEED_URL=https://seed.example.com SEED_COOKIE='JSESSIONID=...'
                ```

                ## 1. Volumes (once per cluster)

                ```bash
                kubectl apply -f volumes.yaml
                ```

                `%s` holds the bundles and the concept images, `%s` the downloaded base model.

                ## 2. Copy the bundle and the images onto the data volume

                Put the concept images in a local folder `training-data/` so that every path of `images.txt`
                exists below it (e.g. `training-data/%s`), then:

                ```bash
                kubectl apply -f copy-pod.yaml
                kubectl -n %s wait --for=condition=Ready pod/%s --timeout=5m
                kubectl -n %s exec %s -- mkdir -p %s
                tar -cf - train.yaml data | kubectl -n %s exec -i %s -- tar -xf - -C %s
                tar -cf - -C training-data -T "$PWD/images.txt" | kubectl -n %s exec -i %s -- tar -xf - -C %s
                kubectl -n %s delete pod %s
                ```

                Relative image paths are read from the volume's root (`media_dir: %s`).
                """.formatted(ns, bundle, bundle, s.dataClaim(), s.modelCacheClaim(), dataset.images().get(0),
                ns, COPY_POD, ns, COPY_POD, dir, ns, COPY_POD, dir, ns, COPY_POD, DATA_MOUNT, ns, COPY_POD, DATA_MOUNT));
        if (dataset.absolute() > 0) {
            md.append("\n**").append(dataset.absolute()).append(" of the image paths are absolute**: they are read "
                    + "as they are, so they must lie below `" + DATA_MOUNT + "/` (copy them without that prefix) "
                    + "or the training cannot find them.\n");
        }
        md.append("""

                ## 3. The upload key and its Secret

                The key is scoped to this one upload (version %d, meta-concept %d) and shown once. Create it
                shortly before the Job starts: it must still be valid when the training ends.

                ```bash
                KEY=$(curl -fsS -X POST -H "Cookie: $SEED_COOKIE" -H 'Content-Type: application/json' -d '{}' \\
                  "$SEED_URL%s" | jq -r '.key // empty')
                test -n "$KEY" || echo "no upload key: see the curl error above"
                kubectl -n %s delete secret %s --ignore-not-found
                test -n "$KEY" && kubectl -n %s create secret generic %s --from-literal=%s="$KEY"
                unset KEY
                ```

                Without the Secret the Job's pod does not start (event `FailedMount`), so no GPU time is spent.

                ## 4. Start the Job

                ```bash
                kubectl -n %s delete job %s --ignore-not-found
                kubectl apply -f job.yaml
                ```

                ## 5. Watch it

                ```bash
                kubectl -n %s get job %s -w
                kubectl -n %s logs -f job/%s -c train      # download, training, zip
                kubectl -n %s logs job/%s -c upload        # Seed's answer: sha256, servedName
                kubectl -n %s wait --for=condition=complete job/%s --timeout=%ds
                ```

                The upload prints Seed's JSON answer (`sha256`, `servedName`, ...). A refused upload (curl exits
                %d with Seed's problem+json reason in the log) or a missing bundle fails the Job at once, without
                a retry; other training failures are retried %d time(s). `kubectl -n %s describe job %s` and
                `kubectl -n %s describe pod -l job-name=%s` show why a pod did not start or failed.

                ## 6. Verify in Seed

                Open the console's *Meta-concepts* view, dictionary version %d: meta-concept %d shows the uploaded
                adapter (its SHA-256 and served name). Then delete the Secret:

                ```bash
                kubectl -n %s delete secret %s
                ```

                ## If the upload was refused

                The trained adapter is kept on the data volume at `%s`. Fix the cause (see the
                upload log), create a new key (step 3, `KEY=...` only) and upload it by hand%s:

                ```bash
                kubectl apply -f copy-pod.yaml
                kubectl -n %s wait --for=condition=Ready pod/%s --timeout=5m
                kubectl -n %s exec %s -- cat %s > adapter.zip
                kubectl -n %s delete pod %s
                %scurl --fail-with-body -X PUT -H "Content-Type: application/zip" -H "Authorization: Bearer $KEY" \\
                  --upload-file adapter.zip "%s%s"%s
                ```

                ## Serving

                vLLM's `--max-lora-rank` (`docker/k8s/small-vlm.yaml`) must be at least the LoRA rank, %d (and at
                least K x %d when Top-K fusion combines K adapters).
                """.formatted(versionId, clusterIndex, uploadKeysPath(versionId, clusterIndex), ns, secret, ns, secret,
                SECRET_KEY, ns, job, ns, job, ns, job, ns, job, ns, job, s.activeDeadlineSeconds(),
                CURL_HTTP_ERROR, s.backoffLimit(), ns, job, ns, job, versionId, clusterIndex, ns, secret,
                adapterCopy(versionId, clusterIndex), forward == null ? "" : ", through a port-forward to Seed's "
                        + "Service as the Job does (the Ingress limits request bodies to 32 MiB, less than an adapter)",
                ns, COPY_POD, ns, COPY_POD, adapterCopy(versionId, clusterIndex), ns, COPY_POD,
                forward == null ? "" : "kubectl -n " + forward[0] + " port-forward svc/" + forward[1] + " 18080:"
                        + forward[2] + " >/dev/null &\nsleep 3\n",
                forward == null ? "$SEED_URL" : "http://127.0.0.1:18080", uploadPath(versionId, clusterIndex),
                forward == null ? "" : "\nkill $!", s.loraRank(), s.loraRank()));
        return md.toString();
    }

    /**
     * {namespace, service, port} when the API base URL is a plain-http in-cluster Service
     * ({@code http://seed-app:8080}, {@code http://seed-app.seed.svc.cluster.local:8080}), else null.
     */
    static String[] service(String apiBaseUrl, String namespace) {
        URI uri = URI.create(apiBaseUrl);
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || host == null || host.matches("[0-9.]+")) {
            return null;
        }
        String[] labels = host.split("\\.");
        boolean bare = labels.length == 1;
        boolean svc = labels.length >= 3 && labels[2].equals("svc")
                && (labels.length == 3 || host.endsWith(".svc.cluster.local") && labels.length == 5);
        if (!bare && !svc) {
            return null;
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        return new String[] {bare ? namespace : labels[1], labels[0], Integer.toString(port)};
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Map<String, Object> env(String name, String value) {
        return map("name", name, "value", value);
    }

    private static Map<String, Object> mount(String name, String path, boolean readOnly) {
        Map<String, Object> m = map("name", name, "mountPath", path);
        if (readOnly) {
            m.put("readOnly", true);
        }
        return m;
    }

    static Map<String, Object> map(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The file names of a bundle, in order. */
    public static List<String> fileNames(int clusterIndex) {
        return List.of("README.md", "job.yaml", "train.yaml", "data/dataset_info.json", datasetPath(clusterIndex),
                "images.txt", "volumes.yaml", "copy-pod.yaml");
    }
}
