package ai.seed.inference.dictionary;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a {@link TrainingJobBundle} is made of: the LoRA recipe (LLaMA-Factory keys) and where and
 * how the Kubernetes Job runs. {@link #defaults()} follows the paper (§3.3.1, §4.1: Qwen2.5-VL-3B,
 * learning rate 5e-5, batch size 64 = 2 per device x 32 accumulation steps on one GPU) and the
 * serving side ({@code docker/k8s/small-vlm.yaml}: {@code --max-lora-rank=16}).
 *
 * @param baseModel               Hugging Face hub id of the small VLM ({@code model_name_or_path}),
 *                                downloaded once into the model-cache volume
 * @param template                LLaMA-Factory chat template of the base model
 * @param loraRank                {@code lora_rank}; vLLM's {@code --max-lora-rank} must be at least this
 * @param loraAlpha               {@code lora_alpha}
 * @param loraTarget              {@code lora_target} ({@code all}: every linear layer of the language
 *                                model; the vision tower and projector stay frozen, as vLLM serves them)
 * @param epochs                  {@code num_train_epochs}
 * @param learningRate            {@code learning_rate}
 * @param cutoffLen               {@code cutoff_len} in tokens; must hold the largest image
 *                                ({@code imageMaxPixels / 784} tokens) plus {@link #PROMPT_RESERVE_TOKENS},
 *                                or LLaMA-Factory would cut samples inside their image tokens
 * @param perDeviceTrainBatchSize {@code per_device_train_batch_size}
 * @param gradientAccumulationSteps {@code gradient_accumulation_steps}
 * @param imageMaxPixels          {@code image_max_pixels}: larger training images are scaled down
 * @param trainerImage            container image with {@code llamafactory-cli} (a placeholder to pin)
 * @param uploaderImage           container image with curl 7.76 or later ({@code --fail-with-body})
 * @param copyImage               container image with {@code tar}, for the pod that fills the data volume
 * @param apiBaseUrl              Seed's base URL as the Job's pod reaches it (in-cluster Service),
 *                                without a trailing slash
 * @param namespace               Kubernetes namespace of Seed and the Job
 * @param dataClaim               PVC with the bundles and the concept images (mounted at /data)
 * @param dataStorage             its size
 * @param modelCacheClaim         PVC for the Hugging Face cache (base model weights)
 * @param modelCacheStorage       its size
 * @param volumeAccessMode        access mode of both PVCs ({@code ReadWriteOnce}; {@code ReadWriteMany}
 *                                to run Jobs of several meta-concepts at once on different nodes)
 * @param gpuNodeSelector         node labels of GPU nodes (sorted in the output)
 * @param gpus                    {@code nvidia.com/gpu} of the training container
 * @param cpuRequest              CPU request of the training container
 * @param memory                  memory request and limit of the training container
 * @param activeDeadlineSeconds   the whole Job's time limit (download, training, upload)
 * @param ttlSecondsAfterFinished how long the finished Job and its logs are kept
 * @param backoffLimit            retries of a failed pod (refused uploads and broken bundles never retry)
 */
public record TrainingJobSettings(String baseModel, String template, int loraRank, int loraAlpha, String loraTarget,
                                  double epochs, double learningRate, int cutoffLen, int perDeviceTrainBatchSize,
                                  int gradientAccumulationSteps, long imageMaxPixels, String trainerImage,
                                  String uploaderImage, String copyImage, String apiBaseUrl, String namespace,
                                  String dataClaim, String dataStorage, String modelCacheClaim,
                                  String modelCacheStorage, String volumeAccessMode, Map<String, String> gpuNodeSelector,
                                  int gpus, String cpuRequest, String memory, long activeDeadlineSeconds,
                                  int ttlSecondsAfterFinished, int backoffLimit) {

    public static final String DEFAULT_BASE_MODEL = "Qwen/Qwen2.5-VL-3B-Instruct";
    public static final String DEFAULT_TEMPLATE = "qwen2_vl";
    public static final int DEFAULT_LORA_RANK = 16;
    public static final int DEFAULT_LORA_ALPHA = 32;
    public static final String DEFAULT_TRAINER_IMAGE = "hiyouga/llamafactory:latest";
    public static final String DEFAULT_API_BASE_URL = "http://seed-app:8080";
    public static final String DEFAULT_NAMESPACE = "seed";
    public static final String DEFAULT_DATA_CLAIM = "seed-training-data";
    public static final String DEFAULT_MODEL_CACHE_CLAIM = "seed-training-model-cache";
    /** 1280 visual tokens of Qwen2.5-VL (28 x 28 pixels each). */
    public static final long DEFAULT_IMAGE_MAX_PIXELS = 1280L * 28 * 28;
    /** Pixels per visual token of Qwen2.5-VL: 14 x 14 patches, 2 x 2 spatial merge. */
    public static final int PIXELS_PER_IMAGE_TOKEN = 28 * 28;
    /** Tokens a sample needs beside its image: Table 6 system prompt, question, answer, template. */
    public static final int PROMPT_RESERVE_TOKENS = 640;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?");
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?"
            + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_,.-]*");

    public TrainingJobSettings {
        require(baseModel, HUB_ID, "baseModel");
        require(template, WORD, "template");
        require(loraTarget, WORD, "loraTarget");
        positive(loraRank, "loraRank");
        positive(loraAlpha, "loraAlpha");
        if (!(epochs > 0) || !Double.isFinite(epochs)) {
            throw new IllegalArgumentException("epochs must be positive: " + epochs);
        }
        if (!(learningRate > 0) || !(learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1): " + learningRate);
        }
        positive(perDeviceTrainBatchSize, "perDeviceTrainBatchSize");
        positive(gradientAccumulationSteps, "gradientAccumulationSteps");
        if (imageMaxPixels < 32 * 32) {
            throw new IllegalArgumentException("imageMaxPixels must be at least 1024: " + imageMaxPixels);
        }
        long needed = maxImageTokens(imageMaxPixels) + PROMPT_RESERVE_TOKENS;
        if (cutoffLen < needed) {
            throw new IllegalArgumentException("cutoffLen " + cutoffLen + " cannot hold an image of " + imageMaxPixels
                    + " pixels (" + maxImageTokens(imageMaxPixels) + " tokens) and its prompt: use at least " + needed);
        }
        require(trainerImage, IMAGE, "trainerImage");
        require(uploaderImage, IMAGE, "uploaderImage");
        require(copyImage, IMAGE, "copyImage");
        apiBaseUrl = baseUrl(apiBaseUrl);
        require(namespace, DNS_LABEL, "namespace");
        require(dataClaim, DNS_LABEL, "dataClaim");
        require(modelCacheClaim, DNS_LABEL, "modelCacheClaim");
        if (dataClaim.equals(modelCacheClaim)) {
            throw new IllegalArgumentException("dataClaim and modelCacheClaim must differ: " + dataClaim);
        }
        require(dataStorage, QUANTITY, "dataStorage");
        require(modelCacheStorage, QUANTITY, "modelCacheStorage");
        require(cpuRequest, QUANTITY, "cpuRequest");
        require(memory, QUANTITY, "memory");
        if (!"ReadWriteOnce".equals(volumeAccessMode) && !"ReadWriteMany".equals(volumeAccessMode)) {
            throw new IllegalArgumentException("volumeAccessMode must be ReadWriteOnce or ReadWriteMany: " + volumeAccessMode);
        }
        Objects.requireNonNull(gpuNodeSelector, "gpuNodeSelector");
        gpuNodeSelector.forEach((k, v) -> {
            require(k, LABEL_KEY, "gpuNodeSelector key");
            require(v, LABEL_VALUE, "gpuNodeSelector value");
        });
        gpuNodeSelector = Collections.unmodifiableMap(new TreeMap<>(gpuNodeSelector));
        if (gpus < 1 || gpus > 8) {
            throw new IllegalArgumentException("gpus must be between 1 and 8: " + gpus);
        }
        if (activeDeadlineSeconds < 600) {
            throw new IllegalArgumentException("activeDeadlineSeconds must be at least 600: " + activeDeadlineSeconds);
        }
        if (ttlSecondsAfterFinished < 0) {
            throw new IllegalArgumentException("ttlSecondsAfterFinished must not be negative: " + ttlSecondsAfterFinished);
        }
        if (backoffLimit < 0 || backoffLimit > 10) {
            throw new IllegalArgumentException("backoffLimit must be between 0 and 10: " + backoffLimit);
        }
    }

    public static TrainingJobSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Visual tokens of the largest training image. */
    public static long maxImageTokens(long imageMaxPixels) {
        return (imageMaxPixels + PIXELS_PER_IMAGE_TOKEN - 1) / PIXELS_PER_IMAGE_TOKEN;
    }

    /** Samples per optimizer step: GPUs x per-device batch x accumulation steps. */
    public int effectiveBatchSize() {
        return gpus * perDeviceTrainBatchSize * gradientAccumulationSteps;
    }

    private static String baseUrl(String url) {
        Objects.requireNonNull(url, "apiBaseUrl");
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL without user, query or fragment: "
                        + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("apiBaseUrl is no URL: " + url, e);
        }
        if (trimmed.contains("${") || trimmed.contains("'")) {
            throw new IllegalArgumentException("apiBaseUrl must not contain ${ or quotes: " + url);
        }
        return trimmed;
    }

    private static void require(String value, Pattern pattern, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not valid: " + value);
        }
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Mutable copy of the settings; {@link #build()} validates. */
    public static final class Builder {
        private String baseModel = DEFAULT_BASE_MODEL;
        private String template = DEFAULT_TEMPLATE;
        private int loraRank = DEFAULT_LORA_RANK;
        private int loraAlpha = DEFAULT_LORA_ALPHA;
        private String loraTarget = "all";
        private double epochs = 3.0;
        private double learningRate = 5.0e-5;
        private int cutoffLen = 2048;
        private int perDeviceTrainBatchSize = 2;
        private int gradientAccumulationSteps = 32;
        private long imageMaxPixels = DEFAULT_IMAGE_MAX_PIXELS;
        private String trainerImage = DEFAULT_TRAINER_IMAGE;
        private String uploaderImage = "curlimages/curl:8.11.1";
        private String copyImage = "busybox:1.36";
        private String apiBaseUrl = DEFAULT_API_BASE_URL;
        private String namespace = DEFAULT_NAMESPACE;
        private String dataClaim = DEFAULT_DATA_CLAIM;
        private String dataStorage = "20Gi";
        private String modelCacheClaim = DEFAULT_MODEL_CACHE_CLAIM;
        private String modelCacheStorage = "50Gi";
        private String volumeAccessMode = "ReadWriteOnce";
        private Map<String, String> gpuNodeSelector = Map.of("nvidia.com/gpu.present", "true");
        private int gpus = 1;
        private String cpuRequest = "4";
        private String memory = "32Gi";
        private long activeDeadlineSeconds = 6 * 3600;
        private int ttlSecondsAfterFinished = 24 * 3600;
        private int backoffLimit = 1;

        private Builder() {
        }

        private Builder(TrainingJobSettings s) {
            baseModel = s.baseModel;
            template = s.template;
            loraRank = s.loraRank;
            loraAlpha = s.loraAlpha;
            loraTarget = s.loraTarget;
            epochs = s.epochs;
            learningRate = s.learningRate;
            cutoffLen = s.cutoffLen;
            perDeviceTrainBatchSize = s.perDeviceTrainBatchSize;
            gradientAccumulationSteps = s.gradientAccumulationSteps;
            imageMaxPixels = s.imageMaxPixels;
            trainerImage = s.trainerImage;
            uploaderImage = s.uploaderImage;
            copyImage = s.copyImage;
            apiBaseUrl = s.apiBaseUrl;
            namespace = s.namespace;
            dataClaim = s.dataClaim;
            dataStorage = s.dataStorage;
            modelCacheClaim = s.modelCacheClaim;
            modelCacheStorage = s.modelCacheStorage;
            volumeAccessMode = s.volumeAccessMode;
            gpuNodeSelector = s.gpuNodeSelector;
            gpus = s.gpus;
            cpuRequest = s.cpuRequest;
            memory = s.memory;
            activeDeadlineSeconds = s.activeDeadlineSeconds;
            ttlSecondsAfterFinished = s.ttlSecondsAfterFinished;
            backoffLimit = s.backoffLimit;
        }

        public Builder baseModel(String v) { baseModel = v; return this; }
        public Builder template(String v) { template = v; return this; }
        /** Rank and alpha together: alpha is usually twice the rank. */
        public Builder lora(int rank, int alpha) { loraRank = rank; loraAlpha = alpha; return this; }
        public Builder loraTarget(String v) { loraTarget = v; return this; }
        public Builder epochs(double v) { epochs = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder cutoffLen(int v) { cutoffLen = v; return this; }
        public Builder batch(int perDevice, int accumulationSteps) {
            perDeviceTrainBatchSize = perDevice;
            gradientAccumulationSteps = accumulationSteps;
            return this;
        }
        public Builder imageMaxPixels(long v) { imageMaxPixels = v; return this; }
        public Builder trainerImage(String v) { trainerImage = v; return this; }
        public Builder uploaderImage(String v) { uploaderImage = v; return this; }
        public Builder copyImage(String v) { copyImage = v; return this; }
        public Builder apiBaseUrl(String v) { apiBaseUrl = v; return this; }
        public Builder namespace(String v) { namespace = v; return this; }
        public Builder dataClaim(String name, String storage) { dataClaim = name; dataStorage = storage; return this; }
        public Builder modelCacheClaim(String name, String storage) {
            modelCacheClaim = name;
            modelCacheStorage = storage;
            return this;
        }
        public Builder volumeAccessMode(String v) { volumeAccessMode = v; return this; }
        public Builder gpuNodeSelector(Map<String, String> v) { gpuNodeSelector = v; return this; }
        public Builder gpus(int v) { gpus = v; return this; }
        public Builder resources(String cpu, String mem) { cpuRequest = cpu; memory = mem; return this; }
        public Builder activeDeadlineSeconds(long v) { activeDeadlineSeconds = v; return this; }
        public Builder ttlSecondsAfterFinished(int v) { ttlSecondsAfterFinished = v; return this; }
        public Builder backoffLimit(int v) { backoffLimit = v; return this; }

        public TrainingJobSettings build() {
            return new TrainingJobSettings(baseModel, template, loraRank, loraAlpha, loraTarget, epochs, learningRate,
                    cutoffLen, perDeviceTrainBatchSize, gradientAccumulationSteps, imageMaxPixels, trainerImage,
                    uploaderImage, copyImage, apiBaseUrl, namespace, dataClaim, dataStorage, modelCacheClaim,
                    modelCacheStorage, volumeAccessMode, gpuNodeSelector, gpus, cpuRequest, memory,
                    activeDeadlineSeconds, ttlSecondsAfterFinished, backoffLimit);
        }
    }
}
