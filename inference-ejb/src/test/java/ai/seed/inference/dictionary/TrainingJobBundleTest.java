package ai.seed.inference.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The training bundle of one meta-concept: LLaMA-Factory files and the Kubernetes Job. */
class TrainingJobBundleTest {

    private static final TrainingJobBundle BUNDLE = new TrainingJobBundle(TrainingJobSettings.defaults());
    private static final String DATASET = TrainingJobBundleExample.DATASET;
    private static final Map<String, String> FILES = BUNDLE.files(7, 3, "<bo>", DATASET);

    /** SnakeYAML reads YAML 1.1 like LLaMA-Factory's reader: {@code no} would be a boolean there. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return (Map<String, Object>) yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        yaml().loadAll(text).forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    private static Object at(Object node, Object... path) {
        return node(node, path);
    }

    @SuppressWarnings("unchecked")
    private static <T> T node(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            assertThat(current).as("at %s", step).isNotNull();
            current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    private static Map<String, Object> container(Map<String, Object> job, String list, String name) {
        List<Map<String, Object>> containers = node(job, "spec", "template", "spec", list);
        return containers.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
    }

    private static String env(Map<String, Object> container, String name) {
        List<Map<String, Object>> env = node(container, "env");
        return env.stream().filter(e -> name.equals(e.get("name"))).map(e -> (String) e.get("value")).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static JsonObject datasetInfo(Map<String, String> files) {
        return Json.createReader(new StringReader(files.get("data/dataset_info.json"))).readObject();
    }

    @Test
    void theBundleHasItsFilesInAFixedOrder() {
        assertThat(FILES.keySet()).containsExactlyElementsOf(TrainingJobBundle.fileNames(3));
        assertThat(FILES.get("data/meta-3.json")).isEqualTo(DATASET);
        assertThat(FILES.get("images.txt")).isEqualTo("images/dataset_bo/0.jpg\nimages/dataset_mam/0.jpg\n");
        assertThat(TrainingJobBundle.zipFileName(7, 3)).isEqualTo("seed-training-v7-meta-3.zip");
    }

    @Test
    void theJobTrainsOnOneGpuThenUploadsWithTheScopedKey() {
        Map<String, Object> job = load(FILES.get("job.yaml"));
        assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
        assertThat(at(job, "metadata", "name")).isEqualTo("seed-train-v7-meta-3");
        assertThat(at(job, "metadata", "namespace")).isEqualTo("seed");
        assertThat(at(job, "metadata", "labels", "seed.example/dictionary-version")).isEqualTo("7");
        assertThat(at(job, "metadata", "annotations", "seed.example/meta-concept-label")).isEqualTo("<bo>");
        assertThat(at(job, "spec", "backoffLimit")).isEqualTo(1);
        assertThat(at(job, "spec", "activeDeadlineSeconds")).isEqualTo(21600);
        assertThat(at(job, "spec", "ttlSecondsAfterFinished")).isEqualTo(86400);

        Map<String, Object> pod = node(job, "spec", "template", "spec");
        assertThat(pod).containsEntry("restartPolicy", "Never");
        assertThat(at(pod, "nodeSelector")).isEqualTo(Map.of("nvidia.com/gpu.present", "true"));
        assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(pod, "securityContext", "runAsUser")).isEqualTo(1000);

        Map<String, Object> train = container(job, "initContainers", "train");
        assertThat(train).containsEntry("image", "hiyouga/llamafactory:latest");
        assertThat(at(train, "resources", "limits", "nvidia.com/gpu")).isEqualTo("1");
        assertThat(at(train, "resources", "requests", "nvidia.com/gpu")).isEqualTo("1");
        assertThat(at(train, "resources", "limits", "memory")).isEqualTo("32Gi");
        assertThat(at(train, "args", 0)).isEqualTo(TrainingJobBundle.TRAIN_SCRIPT);
        assertThat(TrainingJobBundle.TRAIN_SCRIPT).contains("llamafactory-cli train \"$SEED_TRAIN_CONFIG\"")
                .contains("python -m zipfile -c \"$SEED_ADAPTER_ZIP\" adapter_config.json adapter_model.safetensors");
        assertThat(env(train, "SEED_TRAIN_CONFIG")).isEqualTo("/data/bundles/v7-meta-3/train.yaml");
        assertThat(env(train, "SEED_ADAPTER_DIR")).isEqualTo("/output/adapter");
        assertThat(env(train, "HF_HOME")).startsWith("/cache/");

        Map<String, Object> upload = container(job, "containers", "upload");
        List<Object> containers = node(job, "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        assertThat(env(upload, "SEED_UPLOAD_URL"))
                .isEqualTo("http://seed-app:8080/api/v1/dictionary/versions/7/meta-concepts/3/adapter-artifact");
        assertThat(env(upload, "SEED_UPLOAD_KEY_FILE")).isEqualTo("/etc/seed-upload/api-key");
        assertThat(at(upload, "args", 0)).isEqualTo(TrainingJobBundle.UPLOAD_SCRIPT);
        assertThat(TrainingJobBundle.UPLOAD_SCRIPT).contains("curl --fail-with-body").contains("--upload-file")
                .contains("-H \"Content-Type: application/zip\"").contains("-H \"Authorization: Bearer $key\"");
        Map<String, Object> uploadLimits = node(upload, "resources", "limits");
        assertThat(uploadLimits).doesNotContainKey("nvidia.com/gpu");

        List<Map<String, Object>> volumes = node(pod, "volumes");
        Map<String, Object> key = volumes.stream().filter(v -> "upload-key".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(at(key, "secret", "secretName")).isEqualTo("seed-adapter-upload-v7-3");
        assertThat(at(key, "secret", "defaultMode")).isEqualTo(0440);
        assertThat(volumes).extracting(v -> v.get("name"))
                .containsExactly("data", "model-cache", "output", "home", "shm", "upload-key");
        assertThat(at(volumes.get(0), "persistentVolumeClaim", "claimName")).isEqualTo("seed-training-data");
        assertThat(at(volumes.get(2), "emptyDir")).isNotNull();
        // every mount has its volume
        for (Map<String, Object> c : List.of(train, upload)) {
            List<Map<String, Object>> mounts = node(c, "volumeMounts");
            assertThat(mounts).allSatisfy(m -> assertThat(volumes).extracting(v -> v.get("name")).contains(m.get("name")));
        }
        List<Map<String, Object>> uploadMounts = node(upload, "volumeMounts");
        assertThat(uploadMounts).extracting(m -> m.get("name")).containsExactly("output", "upload-key");
    }

    @Test
    void refusedUploadsAndBrokenBundlesFailTheJobWithoutRetraining() {
        Map<String, Object> job = load(FILES.get("job.yaml"));
        List<Map<String, Object>> rules = node(job, "spec", "podFailurePolicy", "rules");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0)).containsEntry("action", "FailJob");
        assertThat(at(rules.get(0), "onExitCodes")).isEqualTo(
                Map.of("containerName", "train", "operator", "In", "values", List.of(2, 3)));
        assertThat(at(rules.get(1), "onExitCodes")).isEqualTo(
                Map.of("containerName", "upload", "operator", "NotIn", "values", List.of(0)));
        assertThat(rules.get(2)).containsEntry("action", "Ignore");
        assertThat(TrainingJobBundle.TRAIN_SCRIPT).contains("exit 2").contains("exit 3").startsWith("set -euo pipefail");
        assertThat(TrainingJobBundle.UPLOAD_SCRIPT).startsWith("set -eu");
    }

    @Test
    void theLlamaFactoryConfigUsesTheRegisteredDatasetAndTheLoraRecipe() {
        Map<String, Object> train = load(FILES.get("train.yaml"));
        JsonObject info = datasetInfo(FILES);
        assertThat(info.keySet()).containsExactly("seed_meta_3");
        assertThat(train).containsEntry("dataset", "seed_meta_3");
        JsonObject entry = info.getJsonObject("seed_meta_3");
        assertThat(entry.getString("file_name")).isEqualTo("meta-3.json");
        assertThat(FILES).containsKey("data/" + entry.getString("file_name"));
        assertThat(entry.getString("formatting")).isEqualTo("sharegpt");
        assertThat(entry.getJsonObject("columns").toString()).isEqualTo("{\"messages\":\"messages\",\"images\":\"images\"}");
        assertThat(entry.getJsonObject("tags").getString("system_tag")).isEqualTo("system");
        assertThat(entry.getJsonObject("tags").getString("role_tag")).isEqualTo("role");

        assertThat(train).containsEntry("model_name_or_path", "Qwen/Qwen2.5-VL-3B-Instruct")
                .containsEntry("template", "qwen2_vl")
                .containsEntry("stage", "sft")
                .containsEntry("do_train", true)
                .containsEntry("finetuning_type", "lora")
                .containsEntry("lora_rank", 16)
                .containsEntry("lora_alpha", 32)
                .containsEntry("lora_target", "all")
                .containsEntry("cutoff_len", 2048)
                .containsEntry("image_max_pixels", 1003520)
                .containsEntry("per_device_train_batch_size", 2)
                .containsEntry("gradient_accumulation_steps", 32)
                .containsEntry("learning_rate", 5.0e-5)
                .containsEntry("num_train_epochs", 3.0)
                .containsEntry("bf16", true)
                .containsEntry("warmup_steps", 0)
                .containsEntry("freeze_vision_tower", true)
                // quoted: a YAML 1.1 reader makes a plain no the boolean false
                .containsEntry("save_strategy", "no")
                .containsEntry("dataset_dir", "/data/bundles/v7-meta-3/data")
                .containsEntry("media_dir", "/data")
                .containsEntry("output_dir", "/output/adapter");
        Map<String, Object> job = load(FILES.get("job.yaml"));
        assertThat(env(container(job, "initContainers", "train"), "SEED_ADAPTER_DIR")).isEqualTo(train.get("output_dir"));
        assertThat(FILES.get("train.yaml")).startsWith("# LLaMA-Factory: the LoRA adapter of meta-concept 3 (<bo>)");
    }

    @Test
    void warmUpIsAnIntegerTenthOfTheOptimizerSteps() {
        // 1000 samples: 500 batches of 2, 16 optimizer steps of 32 batches per epoch, 3 epochs
        assertThat(BUNDLE.optimizerSteps(1000)).isEqualTo(48);
        assertThat(TrainingJobBundle.warmupSteps(48)).isEqualTo(4);
        assertThat(BUNDLE.optimizerSteps(1)).isEqualTo(3);
        TrainingJobBundle paper = new TrainingJobBundle(TrainingJobSettings.builder().epochs(10).build());
        assertThat(paper.optimizerSteps(512)).isEqualTo(80);
        String dataset = "[" + String.join(",", java.util.Collections.nCopies(512,
                "{\"messages\":[],\"images\":[\"a.jpg\"]}")) + "]";
        Map<String, String> files = paper.files(1, 0, "bo", dataset);
        assertThat(load(files.get("train.yaml"))).containsEntry("warmup_steps", 8).doesNotContainKey("warmup_ratio");
        assertThat(files.get("README.md")).contains("10.0 epochs = about 80 optimizer steps (8 of warm-up");
    }

    @Test
    void theVolumesAndTheCopyPodUseTheJobsClaims() {
        List<Map<String, Object>> pvcs = loadAll(FILES.get("volumes.yaml"));
        assertThat(pvcs).extracting(p -> p.get("kind")).containsOnly("PersistentVolumeClaim");
        assertThat(pvcs).extracting(p -> at(p, "metadata", "name"))
                .containsExactly("seed-training-data", "seed-training-model-cache");
        assertThat(pvcs).extracting(p -> at(p, "metadata", "namespace")).containsOnly("seed");
        assertThat(at(pvcs.get(1), "spec", "resources", "requests", "storage")).isEqualTo("50Gi");
        Map<String, Object> job = load(FILES.get("job.yaml"));
        List<Map<String, Object>> volumes = node(job, "spec", "template", "spec", "volumes");
        assertThat(volumes.stream().filter(v -> v.containsKey("persistentVolumeClaim"))
                .map(v -> at(v, "persistentVolumeClaim", "claimName")))
                .containsExactly("seed-training-data", "seed-training-model-cache");

        Map<String, Object> pod = load(FILES.get("copy-pod.yaml"));
        assertThat(pod).containsEntry("kind", "Pod");
        assertThat(at(pod, "metadata", "name")).isEqualTo(TrainingJobBundle.COPY_POD);
        assertThat(at(pod, "spec", "volumes", 0, "persistentVolumeClaim", "claimName")).isEqualTo("seed-training-data");
        assertThat(at(pod, "spec", "containers", 0, "volumeMounts", 0, "mountPath")).isEqualTo("/data");
    }

    @Test
    void theReadmeHasTheExactCommands() {
        String readme = FILES.get("README.md");
        assertThat(readme).startsWith("# Training the adapter of meta-concept 3 (`<bo>`), dictionary version 7")
                .contains("unzip seed-training-v7-meta-3.zip && cd seed-training-v7-meta-3")
                .contains("kubectl apply -f volumes.yaml")
                .contains("\"$SEED_URL/api/v1/dictionary/versions/7/meta-concepts/3/upload-keys\"")
                .contains("kubectl -n seed create secret generic seed-adapter-upload-v7-3 --from-literal=api-key=\"$KEY\"")
                .contains("tar -cf - train.yaml data | kubectl -n seed exec -i seed-training-copy -- tar -xf - -C "
                        + "/data/bundles/v7-meta-3")
                .contains("kubectl apply -f job.yaml")
                .contains("kubectl -n seed logs -f job/seed-train-v7-meta-3 -c train")
                .contains("kubectl -n seed wait --for=condition=complete job/seed-train-v7-meta-3 --timeout=21600s")
                .contains("*Meta-concepts*")
                .contains("--max-lora-rank")
                .contains("/data/outputs/v7-meta-3/adapter.zip")
                .contains("kubectl -n seed port-forward svc/seed-app 18080:8080 >/dev/null &\n")
                .contains("\"http://127.0.0.1:18080/api/v1/dictionary/versions/7/meta-concepts/3/adapter-artifact\"\nkill $!\n")
                .doesNotContain("%s").doesNotContain("%d")
                .doesNotContain("absolute");
        String absolute = BUNDLE.files(7, 3, "<bo>", DATASET.replace("images/dataset_bo", "/data/x")).get("README.md");
        assertThat(absolute).contains("**1 of the image paths are absolute**");
    }

    @Test
    void settingsFlowIntoEveryFile() {
        TrainingJobSettings settings = TrainingJobSettings.builder().lora(32, 64).epochs(2.5).learningRate(1.0e-4)
                .cutoffLen(4096).imageMaxPixels(2_000_000).trainerImage("registry.example/llamafactory:0.9.3")
                .apiBaseUrl("https://seed.internal:8443/").namespace("ml").dataClaim("train-data", "100Gi")
                .modelCacheClaim("hf-cache", "80Gi").volumeAccessMode("ReadWriteMany")
                .gpuNodeSelector(Map.of("pool", "a100", "accelerator", "nvidia-tesla-a100")).gpus(2)
                .resources("8", "64Gi").activeDeadlineSeconds(3600).ttlSecondsAfterFinished(0).backoffLimit(0).build();
        assertThat(settings.apiBaseUrl()).isEqualTo("https://seed.internal:8443");
        assertThat(settings.effectiveBatchSize()).isEqualTo(128);
        Map<String, String> files = new TrainingJobBundle(settings).files(2, 0, "mug-v2", DATASET);
        Map<String, Object> train = load(files.get("train.yaml"));
        assertThat(train).containsEntry("lora_rank", 32).containsEntry("lora_alpha", 64)
                .containsEntry("num_train_epochs", 2.5).containsEntry("learning_rate", 1.0e-4)
                .containsEntry("cutoff_len", 4096).containsEntry("image_max_pixels", 2000000)
                .containsEntry("dataset", "seed_meta_0");
        Map<String, Object> job = load(files.get("job.yaml"));
        assertThat(at(job, "metadata", "namespace")).isEqualTo("ml");
        assertThat(at(job, "spec", "backoffLimit")).isEqualTo(0);
        assertThat(at(job, "spec", "ttlSecondsAfterFinished")).isEqualTo(0);
        assertThat(at(job, "spec", "template", "spec", "nodeSelector").toString())
                .isEqualTo("{accelerator=nvidia-tesla-a100, pool=a100}");
        Map<String, Object> trainer = container(job, "initContainers", "train");
        assertThat(trainer).containsEntry("image", "registry.example/llamafactory:0.9.3");
        assertThat(at(trainer, "resources", "limits", "nvidia.com/gpu")).isEqualTo("2");
        assertThat(at(trainer, "resources", "requests", "cpu")).isEqualTo("8");
        assertThat(env(container(job, "containers", "upload"), "SEED_UPLOAD_URL"))
                .isEqualTo("https://seed.internal:8443/api/v1/dictionary/versions/2/meta-concepts/0/adapter-artifact");
        assertThat(loadAll(files.get("volumes.yaml"))).extracting(p -> at(p, "spec", "accessModes", 0))
                .containsOnly("ReadWriteMany");
        assertThat(files.get("README.md")).contains("kubectl -n ml create secret generic seed-adapter-upload-v2-0")
                .doesNotContain("-n seed ").doesNotContain("port-forward")
                .contains("\"$SEED_URL/api/v1/dictionary/versions/2/meta-concepts/0/adapter-artifact\"");
    }

    @Test
    void manualUploadsGoThroughAPortForwardWhenTheApiIsAnInClusterService() {
        assertThat(TrainingJobBundle.service("http://seed-app:8080", "seed")).containsExactly("seed", "seed-app", "8080");
        assertThat(TrainingJobBundle.service("http://seed-app.other.svc.cluster.local:9000", "seed"))
                .containsExactly("other", "seed-app", "9000");
        assertThat(TrainingJobBundle.service("http://seed-app.other.svc", "seed")).containsExactly("other", "seed-app", "80");
        assertThat(TrainingJobBundle.service("http://seed.example.com", "seed")).isNull();
        assertThat(TrainingJobBundle.service("https://seed-app:8443", "seed")).isNull();
        assertThat(TrainingJobBundle.service("http://10.0.0.7:8080", "seed")).isNull();
    }

    @Test
    void settingsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> TrainingJobSettings.builder().cutoffLen(1024).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use at least 1920");
        assertThatThrownBy(() -> TrainingJobSettings.builder().apiBaseUrl("seed-app:8080").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().apiBaseUrl("http://seed-app:8080/?x=1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().namespace("Seed").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().baseModel("${oops}").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().resources("4", "lots").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().dataClaim("same", "1Gi").modelCacheClaim("same", "1Gi")
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().gpus(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingJobSettings.builder().learningRate(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TrainingJobSettings.defaults().toBuilder().build()).isEqualTo(TrainingJobSettings.defaults());
    }

    @Test
    void datasetsThatLlamaFactoryCouldNotReadAreRefused() {
        for (String bad : List.of("", "{}", "[]", "not json", "[1]", "[{\"messages\":[]}]",
                "[{\"messages\":[],\"images\":[]}]", "[{\"messages\":[],\"images\":[\"a\\nb\"]}]")) {
            assertThatThrownBy(() -> BUNDLE.files(1, 0, "bo", bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> BUNDLE.files(0, 0, "bo", DATASET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BUNDLE.files(1, -1, "bo", DATASET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BUNDLE.files(1, 0, " ", DATASET)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void awkwardLabelsStayOneLineAndRoundTrip() {
        String label = "<bo> \"quoted\" \\ é漢 # not: a comment\nsecond `line`";
        Map<String, String> files = BUNDLE.files(1, 0, label, DATASET);
        Map<String, Object> job = load(files.get("job.yaml"));
        assertThat(at(job, "metadata", "annotations", "seed.example/meta-concept-label"))
                .isEqualTo("<bo> \"quoted\" \\ é漢 # not: a comment second  line");
        assertThat(load(files.get("train.yaml"))).containsEntry("dataset", "seed_meta_0");
        assertThat(files.get("README.md").lines().findFirst().orElseThrow())
                .isEqualTo("# Training the adapter of meta-concept 0 (`<bo> \"quoted\" \\ é漢 # not: a comment second  line`),"
                        + " dictionary version 1");
    }

    @Test
    void yamlScalarsThatLookLikeOtherTypesAreQuoted() {
        List<String> tricky = List.of("no", "No", "on", "off", "yes", "y", "n", "true", "null", "~", "1", "0440", "3.0",
                "1e-5", "1:20", ".inf", "", " lead", "trail ", "a b", "x: y", "#c", "- item", "<bo>", "${x}", "@at",
                "http://h:1/p", "32Gi", "tab\there", "line\nbreak", "quote\"s", "back\\slash", "\u2028", "é漢");
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            doc.put("k" + i, tricky.get(i));
        }
        doc.put("list", tricky);
        doc.put("script", new YamlText.Literal("echo \"a\"  # x\n\n  indented: yes\n"));
        doc.put("no-newline", new YamlText.Literal("one\ntwo"));
        doc.put("leading-space", new YamlText.Literal("  starts with spaces\n"));
        Map<String, Object> parsed = load(YamlText.document(doc));
        for (int i = 0; i < tricky.size(); i++) {
            assertThat(parsed.get("k" + i)).as(tricky.get(i)).isEqualTo(tricky.get(i));
        }
        assertThat(parsed.get("list")).isEqualTo(tricky);
        assertThat(parsed.get("script")).isEqualTo("echo \"a\"  # x\n\n  indented: yes\n");
        assertThat(parsed.get("no-newline")).isEqualTo("one\ntwo");
        assertThat(parsed.get("leading-space")).isEqualTo("  starts with spaces\n");
        assertThat(YamlText.string("seed-app")).isEqualTo("seed-app");
        assertThat(YamlText.string("nvidia.com/gpu")).isEqualTo("nvidia.com/gpu");
        assertThat(YamlText.decimal(5.0e-5)).isEqualTo("0.00005");
        assertThat(YamlText.decimal(3)).isEqualTo("3.0");
        assertThat(YamlText.decimal(1.0e-4)).isEqualTo("0.0001");
    }

    @Test
    void theZipIsDeterministicAndHoldsTheFilesInTheirFolder() throws IOException {
        byte[] first = BUNDLE.zip(7, 3, "<bo>", DATASET);
        byte[] second = new TrainingJobBundle(TrainingJobSettings.defaults()).zip(7, 3, "<bo>", DATASET);
        assertThat(first).isEqualTo(second);
        Map<String, String> unzipped = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
                assertThat(e.getName()).startsWith("seed-training-v7-meta-3/");
                unzipped.put(e.getName().substring("seed-training-v7-meta-3/".length()),
                        new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(unzipped).containsExactlyEntriesOf(FILES);
    }

    /** The committed example is what the generator writes, byte for byte. */
    @Test
    void theCommittedExampleIsWhatTheGeneratorWrites() throws IOException {
        Path dir = TrainingJobBundleExample.DIRECTORY;
        if (Boolean.getBoolean(TrainingJobBundleExample.REGENERATE_PROPERTY)) {
            TrainingJobBundleExample.write(dir);
        }
        Map<String, String> expected = TrainingJobBundleExample.files();
        List<String> committed;
        try (Stream<Path> walk = Files.walk(dir)) {
            committed = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        assertThat(committed).as("files in %s; regenerate with: %s", dir, TrainingJobBundleExample.REGENERATE)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, String> file : expected.entrySet()) {
            assertThat(Files.readString(dir.resolve(file.getKey()), StandardCharsets.UTF_8))
                    .as("%s differs from the generator; regenerate with: %s", dir.resolve(file.getKey()),
                            TrainingJobBundleExample.REGENERATE)
                    .isEqualTo(file.getValue());
        }
    }

    /** The example is no part of the application's deployment (kubectl apply -k docker/k8s). */
    @Test
    void theKustomizationDoesNotDeployTheExample() throws IOException {
        Map<String, Object> kustomization = load(Files.readString(Path.of("..", "docker", "k8s", "kustomization.yaml")));
        List<String> resources = node(kustomization, "resources");
        assertThat(resources).isNotEmpty().noneMatch(r -> r.startsWith("training") || r.contains("/"));
    }
}
