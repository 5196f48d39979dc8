package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.ADAPTER_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.ARCHIVE_MISSING_FILE;
import static ai.seed.inference.adapters.AdapterRejectedException.BASE_MODEL_MISMATCH;
import static ai.seed.inference.adapters.AdapterRejectedException.FEATURE_UNSUPPORTED;
import static ai.seed.inference.adapters.AdapterRejectedException.LORA_RANK_MISMATCH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a PEFT LoRA adapter folder ({@code adapter_config.json} + {@code adapter_model.safetensors})
 * before anything is stored, and hashes it. The rules, in order:
 * <ol>
 * <li>both files exist; the config is at most {@link AdapterLimits#maxConfigBytes()} and parses
 *     ({@link PeftAdapterConfig}); the weights are at most {@link AdapterLimits#maxWeightsBytes()};</li>
 * <li>no DoRA and no modules_to_save: vLLM refuses both when it loads the adapter, so we refuse
 *     them at upload where the operator can see why;</li>
 * <li>the base model matches the expected one ({@link BaseModelNames}), when one is expected;</li>
 * <li>the safetensors file is well-formed ({@link SafetensorsFile});</li>
 * <li>every tensor is half of a LoRA A/B pair ({@link LoraTensors}), at least one pair, and each
 *     pair's rank equals the config's r for that module (rank_pattern honoured);</li>
 * <li>rank_pattern/alpha_pattern may not change a module's scaling: vLLM scales every module by
 *     the one lora_alpha/r, so a module-specific scaling would be served differently from how it
 *     was trained.</li>
 * </ol>
 */
public final class AdapterValidator {

    public static final String WEIGHTS_FILE = "adapter_model.safetensors";

    private final AdapterLimits limits;

    public AdapterValidator(AdapterLimits limits) {
        this.limits = limits;
    }

    public AdapterValidator() {
        this(AdapterLimits.defaults());
    }

    /**
     * Validates the adapter in {@code dir}; {@code expectedBaseModel} null skips the base model
     * check. Throws {@link AdapterRejectedException} with the first problem found.
     */
    public ValidatedAdapter validate(Path dir, String expectedBaseModel) throws IOException {
        return inspect(dir, expectedBaseModel).summary();
    }

    /** Everything validation read, for fusion. */
    record Inspected(Path dir, PeftAdapterConfig config, SafetensorsFile weights, List<LoraPair> pairs,
            ValidatedAdapter summary) {
    }

    Inspected inspect(Path dir, String expectedBaseModel) throws IOException {
        Path configFile = existing(dir, PeftAdapterConfig.FILE_NAME);
        Path weightsFile = existing(dir, WEIGHTS_FILE);
        byte[] configBytes = PeftAdapterConfig.readBounded(configFile, limits.maxConfigBytes());
        PeftAdapterConfig config = PeftAdapterConfig.parse(configBytes);
        refuseUnservableFeatures(config);
        checkBaseModel(config, expectedBaseModel);
        long weightsBytes = Files.size(weightsFile);
        if (weightsBytes > limits.maxWeightsBytes()) {
            throw new AdapterRejectedException(ADAPTER_TOO_LARGE, WEIGHTS_FILE + " has " + weightsBytes
                    + " bytes; the limit is " + AdapterLimits.describe(limits.maxWeightsBytes()));
        }
        SafetensorsFile weights = SafetensorsFile.open(weightsFile, limits.maxHeaderBytes());
        List<LoraPair> pairs = LoraTensors.pairs(weights, WEIGHTS_FILE);
        pairs.forEach(pair -> checkRank(config, pair));
        pairs.forEach(pair -> checkScaling(config, pair));
        String sha = ContentHash.of(configBytes, weightsFile, weightsBytes);
        Set<TensorDtype> dtypes = EnumSet.noneOf(TensorDtype.class);
        weights.tensors().forEach(t -> dtypes.add(t.dtype()));
        ValidatedAdapter summary = new ValidatedAdapter(sha, config.baseModel(), config.r(), config.loraAlpha(),
                config.targetModules(), config.useRslora(), dtypes, weights.tensors().size(), pairs.size(),
                weightsBytes, configBytes.length);
        return new Inspected(dir, config, weights, pairs, summary);
    }

    private static Path existing(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new AdapterRejectedException(ARCHIVE_MISSING_FILE, "the adapter has no " + name + " (found: "
                    + listing(dir) + ")");
        }
        return file;
    }

    private static String listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "no folder";
        }
        try (Stream<Path> files = Files.list(dir)) {
            String names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
            return names.isEmpty() ? "nothing" : names;
        }
    }

    private static void refuseUnservableFeatures(PeftAdapterConfig config) {
        if (config.useDora()) {
            throw new AdapterRejectedException(FEATURE_UNSUPPORTED, PeftAdapterConfig.FILE_NAME
                    + " has use_dora=true; DoRA adapters cannot be served (vLLM does not support them)");
        }
        if (!config.modulesToSave().isEmpty()) {
            throw new AdapterRejectedException(FEATURE_UNSUPPORTED, PeftAdapterConfig.FILE_NAME + " has modules_to_save "
                    + config.modulesToSave() + "; vLLM only serves adapters without modules_to_save");
        }
    }

    private static void checkBaseModel(PeftAdapterConfig config, String expected) {
        if (expected != null && !BaseModelNames.matches(expected, config.baseModel())) {
            throw new AdapterRejectedException(BASE_MODEL_MISMATCH, "the adapter was trained for "
                    + (config.baseModel() == null ? "an unnamed base model (base_model_name_or_path is empty)"
                            : "\"" + config.baseModel() + "\"")
                    + " but the small model is \"" + expected + "\"");
        }
    }

    private static void checkRank(PeftAdapterConfig config, LoraPair pair) {
        int expected = config.rankFor(pair.module());
        if (pair.rank() != expected) {
            throw new AdapterRejectedException(LORA_RANK_MISMATCH, WEIGHTS_FILE + ": '" + pair.a().name() + "' has rank "
                    + pair.rank() + " but " + PeftAdapterConfig.FILE_NAME + " gives module " + pair.module() + " r="
                    + expected);
        }
    }

    private static void checkScaling(PeftAdapterConfig config, LoraPair pair) {
        double module = config.scalingFor(pair.module());
        double global = config.scaling();
        if (Math.abs(module - global) > 1e-9 * Math.abs(global)) {
            throw new AdapterRejectedException(FEATURE_UNSUPPORTED, PeftAdapterConfig.FILE_NAME + ": rank_pattern/alpha_pattern"
                    + " give module " + pair.module() + " the scaling " + module + " but vLLM scales every module by "
                    + "lora_alpha/r = " + global);
        }
    }
}
