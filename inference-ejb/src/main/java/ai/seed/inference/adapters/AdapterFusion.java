package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.FUSION_BASE_MODEL_MISMATCH;
import static ai.seed.inference.adapters.AdapterRejectedException.FUSION_MODULE_MISMATCH;
import static ai.seed.inference.adapters.AdapterRejectedException.FUSION_RANK_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.FUSION_UNSUPPORTED;

import ai.seed.inference.adapters.AdapterValidator.Inspected;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Fuses the Top-K routed adapters into one adapter whose update is exactly the mean of theirs, so
 * the small model serves K adapters as one (vLLM applies one adapter per request).
 *
 * <p>The maths. Part i adapts a module by ΔW_i = s_i · B_i · A_i with A_i [r_i, in], B_i [out, r_i]
 * and scaling s_i (lora_alpha_i / r_i, or / sqrt(r_i) with rsLoRA). Concatenating along the rank,
 * A' = [A_1; ...; A_K] ([R, in], R = Σ r_i) and B' = [c_1·B_1 ... c_K·B_K] ([out, R]), gives
 * B'·A' = Σ_i c_i · B_i · A_i, so with the fused scaling s' the update is s' · Σ c_i · B_i · A_i,
 * which equals (1/K) Σ s_i · B_i · A_i exactly when c_i = s_i / (K · s').
 * <ul>
 * <li><b>Exact</b> (every part has the same r, lora_alpha, rank_pattern, alpha_pattern and dtype,
 *     no rsLoRA): r' = K·r and lora_alpha' = lora_alpha give s' = alpha/(K·r) = s/K, hence c_i = 1:
 *     the fused tensors are the parts' bytes rearranged, nothing is rounded.</li>
 * <li><b>Rescaled</b> (otherwise): r' = lora_alpha' = R, no rsLoRA, so s' = 1 and c_i = s_i / K;
 *     each B_i is multiplied in double and rounded once to float, then (F16/BF16) to nearest
 *     even. Parts with rank_pattern/alpha_pattern are refused here (their fused per-module ranks
 *     would need new pattern keys). Mixed dtypes fuse to F32.</li>
 * </ul>
 * Averaging the A's and the B's separately, as the paper's reference code does, is not the mean
 * update: mean(B)·mean(A) = (1/K²) Σ_i Σ_j B_i·A_j has the cross terms B_i·A_j (i ≠ j) and only
 * 1/K² of each own term.
 *
 * <p>The parts are sorted by content hash first, so the same set of parts in any order gives the
 * same bytes and the same {@link AdapterNames#fusedName}: a fused folder can be cached by name.
 * The fused rank grows with K; it must stay within vLLM's {@code --max-lora-rank}, passed here.
 */
public final class AdapterFusion {

    private final AdapterValidator validator;
    private final int maxFusedRank;

    public AdapterFusion(AdapterValidator validator, int maxFusedRank) {
        this.validator = validator;
        this.maxFusedRank = maxFusedRank;
    }

    /**
     * Fuses the validated adapter folders {@code partDirs} (at least two; a part listed twice
     * counts twice) into {@code targetDir}, which must be empty or absent. On failure nothing is
     * left in it.
     */
    public FusedAdapter fuse(List<Path> partDirs, Path targetDir) throws IOException {
        if (partDirs.size() < 2) {
            throw new IllegalArgumentException("fusion needs at least two adapters, got " + partDirs.size());
        }
        List<Inspected> parts = new ArrayList<>();
        for (Path dir : partDirs) {
            parts.add(validator.inspect(dir, null));
        }
        parts.sort(Comparator.comparing((Inspected p) -> p.summary().sha256()));
        checkCompatible(parts);
        boolean exact = exact(parts);
        if (!exact) {
            refusePatterns(parts);
        }
        List<String> shas = parts.stream().map(p -> p.summary().sha256()).toList();
        TensorDtype dtype = outputDtype(parts);
        List<SafetensorsWriter.Entry> tensors = new ArrayList<>();
        for (int m = 0; m < parts.get(0).pairs().size(); m++) {
            tensors.addAll(fusedPair(parts, m, dtype, exact));
        }
        PeftAdapterConfig first = parts.get(0).config();
        int fusedRank = parts.stream().mapToInt(p -> p.config().r()).sum();
        byte[] config = exact ? FusedConfig.exact(first, parts.size(), shas) : FusedConfig.rescaled(first, fusedRank, shas);
        boolean created = prepare(targetDir);
        try {
            write(targetDir, config, FusedConfig.safetensorsMetadata(shas), tensors);
            // the fused folder must pass the same checks as an upload before anyone serves it
            ValidatedAdapter fused = validator.validate(targetDir, null);
            return new FusedAdapter(AdapterNames.fusedName(shas), shas, exact, fused);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(targetDir.resolve(PeftAdapterConfig.FILE_NAME));
            Files.deleteIfExists(targetDir.resolve(AdapterValidator.WEIGHTS_FILE));
            if (created) {
                Files.deleteIfExists(targetDir);
            }
            throw e;
        }
    }

    private void checkCompatible(List<Inspected> parts) {
        Inspected first = parts.get(0);
        for (Inspected other : parts.subList(1, parts.size())) {
            String a = first.config().baseModel();
            String b = other.config().baseModel();
            if (!Objects.equals(a, b) && !BaseModelNames.matches(a, b)) {
                throw new AdapterRejectedException(FUSION_BASE_MODEL_MISMATCH, "adapter " + name(first)
                        + " was trained for \"" + a + "\" but adapter " + name(other) + " for \"" + b + "\"");
            }
            checkSameModules(first, other);
        }
        int widest = 0;
        for (int m = 0; m < first.pairs().size(); m++) {
            int index = m;
            widest = Math.max(widest, parts.stream().mapToInt(p -> p.pairs().get(index).rank()).sum());
        }
        int fusedR = parts.stream().mapToInt(p -> p.config().r()).sum();
        if (Math.max(widest, fusedR) > maxFusedRank) {
            throw new AdapterRejectedException(FUSION_RANK_TOO_LARGE, "fusing " + parts.size() + " adapters gives rank "
                    + Math.max(widest, fusedR) + "; the small model serves ranks up to " + maxFusedRank);
        }
    }

    /** Same tensor keys, and per module the same in/out sizes and kind; ranks may differ. */
    private static void checkSameModules(Inspected first, Inspected other) {
        Set<String> keysA = keys(first);
        Set<String> keysB = keys(other);
        if (!keysA.equals(keysB)) {
            Set<String> onlyA = new TreeSet<>(keysA);
            onlyA.removeAll(keysB);
            Set<String> onlyB = new TreeSet<>(keysB);
            onlyB.removeAll(keysA);
            throw new AdapterRejectedException(FUSION_MODULE_MISMATCH, "adapters " + name(first) + " and " + name(other)
                    + " adapt different modules (only in the first: " + shortList(onlyA) + "; only in the second: "
                    + shortList(onlyB) + ")");
        }
        for (int m = 0; m < first.pairs().size(); m++) {
            LoraPair p = first.pairs().get(m);
            LoraPair q = other.pairs().get(m);
            if (p.in() != q.in() || p.out() != q.out() || p.embedding() != q.embedding()) {
                throw new AdapterRejectedException(FUSION_MODULE_MISMATCH, "module " + p.module() + " is [" + p.out()
                        + " x " + p.in() + "] in adapter " + name(first) + " but [" + q.out() + " x " + q.in()
                        + "] in adapter " + name(other));
            }
        }
    }

    private static boolean exact(List<Inspected> parts) {
        PeftAdapterConfig first = parts.get(0).config();
        return parts.stream().map(Inspected::config).allMatch(c -> c.r() == first.r() && c.loraAlpha() == first.loraAlpha()
                && !c.useRslora() && c.rankPattern().equals(first.rankPattern())
                && c.alphaPattern().equals(first.alphaPattern())) && dtypes(parts).size() == 1;
    }

    private static void refusePatterns(List<Inspected> parts) {
        for (Inspected p : parts) {
            if (!p.config().rankPattern().isEmpty() || !p.config().alphaPattern().isEmpty()) {
                throw new AdapterRejectedException(FUSION_UNSUPPORTED, "adapter " + name(p) + " has rank_pattern or"
                        + " alpha_pattern and the parts differ in r, lora_alpha, rsLoRA or dtype: only identical"
                        + " configurations can be fused then");
            }
        }
    }

    private static TensorDtype outputDtype(List<Inspected> parts) {
        Set<TensorDtype> all = dtypes(parts);
        return all.size() == 1 ? all.iterator().next() : TensorDtype.F32;
    }

    private static Set<TensorDtype> dtypes(List<Inspected> parts) {
        Set<TensorDtype> all = EnumSet.noneOf(TensorDtype.class);
        parts.forEach(p -> all.addAll(p.summary().dtypes()));
        return all;
    }

    /** Module m's fused A and B, read from the parts only when the writer reaches them. */
    private static List<SafetensorsWriter.Entry> fusedPair(List<Inspected> parts, int m, TensorDtype dtype, boolean exact) {
        LoraPair first = parts.get(0).pairs().get(m);
        List<Integer> ranks = parts.stream().map(p -> p.pairs().get(m).rank()).toList();
        long rank = ranks.stream().mapToLong(Integer::longValue).sum();
        SafetensorsWriter.Entry a = new SafetensorsWriter.Entry(first.a().name(), dtype, new long[] {rank, first.in()}, () -> {
            List<byte[]> matrices = new ArrayList<>();
            for (Inspected p : parts) {
                TensorInfo t = p.pairs().get(m).a();
                matrices.add(LoraConcat.converted(p.weights().readBytes(t), t.dtype(), dtype));
            }
            return LoraConcat.stackRows(matrices);
        });
        SafetensorsWriter.Entry b = new SafetensorsWriter.Entry(first.b().name(), dtype, new long[] {first.out(), rank}, () -> {
            List<byte[]> matrices = new ArrayList<>();
            for (Inspected p : parts) {
                TensorInfo t = p.pairs().get(m).b();
                byte[] raw = p.weights().readBytes(t);
                double factor = p.config().scaling() / parts.size(); // c_i = s_i / (K s'), s' = 1
                matrices.add(exact ? raw : LoraConcat.scaled(raw, t.dtype(), dtype, factor));
            }
            return LoraConcat.concatColumns(matrices, ranks, Math.toIntExact(first.out()), dtype.byteSize());
        });
        return List.of(a, b);
    }

    /** Creates the target folder when absent (then returns true); refuses a non-empty one. */
    private static boolean prepare(Path targetDir) throws IOException {
        if (!Files.exists(targetDir)) {
            Files.createDirectories(targetDir);
            return true;
        }
        if (!isEmptyDir(targetDir)) {
            throw new IllegalArgumentException("fusion target " + targetDir + " is not an empty folder");
        }
        return false;
    }

    private static void write(Path targetDir, byte[] config, Map<String, String> metadata,
            List<SafetensorsWriter.Entry> tensors) throws IOException {
        Files.write(targetDir.resolve(PeftAdapterConfig.FILE_NAME), config, StandardOpenOption.CREATE_NEW);
        SafetensorsWriter.write(targetDir.resolve(AdapterValidator.WEIGHTS_FILE), metadata, tensors);
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Set<String> keys(Inspected part) {
        return part.pairs().stream().map(p -> p.a().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String shortList(Set<String> keys) {
        return keys.isEmpty() ? "none" : keys.stream().limit(3).collect(Collectors.joining(", ")) + (keys.size() > 3 ? ", ..." : "");
    }

    private static String name(Inspected part) {
        return "seed-" + part.summary().sha256().substring(0, AdapterNames.HEX_CHARS);
    }
}
