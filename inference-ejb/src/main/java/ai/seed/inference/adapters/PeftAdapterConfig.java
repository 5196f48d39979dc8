package ai.seed.inference.adapters;

import static ai.seed.inference.adapters.AdapterRejectedException.CONFIG_INVALID;
import static ai.seed.inference.adapters.AdapterRejectedException.CONFIG_TOO_LARGE;
import static ai.seed.inference.adapters.AdapterRejectedException.TYPE_UNSUPPORTED;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A PEFT LoRA {@code adapter_config.json}: the fields that decide how the adapter's weights are
 * read and scaled, plus the raw JSON so that fusion can copy what it does not interpret.
 *
 * <p>{@code target_modules} is either a list of module-name suffixes or one regular expression
 * (PEFT's two forms; {@link #targetModulesRegex()} tells which). {@code rank_pattern} and
 * {@code alpha_pattern} map module patterns to a rank or alpha; a key applies to a module when the
 * module's name matches {@code (.*\.)?(key)} in full, as PEFT's {@code get_pattern_key} does (Java
 * regex syntax; the first matching key wins). {@code modules_to_save} is empty when null.
 */
public record PeftAdapterConfig(String peftType, String baseModel, int r, double loraAlpha, List<String> targetModules,
        boolean targetModulesRegex, boolean useRslora, boolean useDora, Map<String, Integer> rankPattern,
        Map<String, Double> alphaPattern, List<String> modulesToSave, JsonObject raw) {

    public static final String FILE_NAME = "adapter_config.json";

    public PeftAdapterConfig {
        targetModules = List.copyOf(targetModules);
        rankPattern = Collections.unmodifiableMap(new LinkedHashMap<>(rankPattern));
        alphaPattern = Collections.unmodifiableMap(new LinkedHashMap<>(alphaPattern));
        modulesToSave = List.copyOf(modulesToSave);
    }

    /** Reads {@code file}, refusing more than {@code maxBytes} (counted while reading). */
    public static PeftAdapterConfig read(Path file, long maxBytes) throws IOException {
        return parse(readBounded(file, maxBytes));
    }

    static byte[] readBounded(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new AdapterRejectedException(CONFIG_TOO_LARGE,
                        FILE_NAME + " is larger than " + AdapterLimits.describe(maxBytes));
            }
            return bytes;
        }
    }

    /** Parses the JSON; throws {@link AdapterRejectedException} naming the first bad field. */
    public static PeftAdapterConfig parse(byte[] utf8Json) {
        JsonObject json = StrictJson.readObject(utf8Json, FILE_NAME, CONFIG_INVALID);
        String peftType = requiredString(json, "peft_type");
        if (!peftType.equals("LORA")) {
            throw new AdapterRejectedException(TYPE_UNSUPPORTED, FILE_NAME + " has peft_type \"" + peftType
                    + "\"; only LORA adapters can be served by the small model");
        }
        int r = positiveInt(json.get("r"), "r");
        double alpha = positiveNumber(json.get("lora_alpha"), "lora_alpha");
        JsonValue targets = json.get("target_modules");
        boolean regex = targets instanceof JsonString;
        return new PeftAdapterConfig(peftType, optionalString(json, "base_model_name_or_path"), r, alpha,
                targetModules(targets), regex, bool(json, "use_rslora"), bool(json, "use_dora"),
                rankPattern(json.get("rank_pattern")), alphaPattern(json.get("alpha_pattern")),
                modulesToSave(json.get("modules_to_save")), json);
    }

    /** lora_alpha / r, or lora_alpha / sqrt(r) with rsLoRA: the factor on B·A. */
    public double scaling() {
        return scaling(loraAlpha, r);
    }

    /** The rank PEFT gives {@code module} (rank_pattern, else r). */
    public int rankFor(String module) {
        return patternKey(rankPattern, module).map(rankPattern::get).orElse(r);
    }

    /** The alpha PEFT gives {@code module} (alpha_pattern, else lora_alpha). */
    public double alphaFor(String module) {
        return patternKey(alphaPattern, module).map(alphaPattern::get).orElse(loraAlpha);
    }

    public double scalingFor(String module) {
        return scaling(alphaFor(module), rankFor(module));
    }

    public Optional<String> baseModelName() {
        return Optional.ofNullable(baseModel);
    }

    private double scaling(double alpha, int rank) {
        return useRslora ? alpha / Math.sqrt(rank) : alpha / rank;
    }

    private static Optional<String> patternKey(Map<String, ?> pattern, String module) {
        return pattern.keySet().stream()
                .filter(key -> Pattern.compile(patternRegex(key)).matcher(module).matches()).findFirst();
    }

    private static String patternRegex(String key) {
        return "(.*\\.)?(" + key + ")";
    }

    private static String requiredString(JsonObject json, String field) {
        String value = optionalString(json, field);
        if (value == null) {
            throw invalid(field + " is missing or not a string");
        }
        return value;
    }

    private static String optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw invalid(field + " is " + value.getValueType() + ", not a string");
        }
        return s.getString();
    }

    private static int positiveInt(JsonValue value, String field) {
        try {
            int v = ((JsonNumber) value).intValueExact();
            if (v > 0) {
                return v;
            }
        } catch (ClassCastException | ArithmeticException | NullPointerException e) {
            // reported below
        }
        throw invalid(field + " is " + value + "; it must be a positive integer");
    }

    private static double positiveNumber(JsonValue value, String field) {
        if (value instanceof JsonNumber n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw invalid(field + " is " + value + "; it must be a positive number");
    }

    private static boolean bool(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw invalid(field + " is " + value + ", not true or false");
    }

    private static List<String> targetModules(JsonValue value) {
        if (value instanceof JsonString s) {
            compilable(s.getString(), "target_modules");
            return List.of(s.getString());
        }
        List<String> names = strings(value, "target_modules");
        if (names == null || names.isEmpty()) {
            throw invalid("target_modules is missing or empty");
        }
        return names;
    }

    private static List<String> modulesToSave(JsonValue value) {
        List<String> names = strings(value, "modules_to_save");
        return names == null ? List.of() : names;
    }

    /** A JSON array of strings, or null when absent or null. */
    private static List<String> strings(JsonValue value, String field) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid(field + " is " + value.getValueType() + ", not a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw invalid(field + " holds " + v + ", not a string");
            }
            out.add(s.getString());
        }
        return out;
    }

    private static Map<String, Integer> rankPattern(JsonValue value) {
        Map<String, Integer> out = new LinkedHashMap<>();
        patternObject(value, "rank_pattern").forEach((k, v) -> out.put(k, positiveInt(v, "rank_pattern[" + k + "]")));
        return out;
    }

    private static Map<String, Double> alphaPattern(JsonValue value) {
        Map<String, Double> out = new LinkedHashMap<>();
        patternObject(value, "alpha_pattern").forEach((k, v) -> out.put(k, positiveNumber(v, "alpha_pattern[" + k + "]")));
        return out;
    }

    private static JsonObject patternObject(JsonValue value, String field) {
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid(field + " is " + value.getValueType() + ", not an object");
        }
        object.keySet().forEach(key -> compilable(patternRegex(key), field));
        return object;
    }

    private static void compilable(String regex, String field) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(field + " holds \"" + regex + "\", not a valid regular expression");
        }
    }

    private static AdapterRejectedException invalid(String why) {
        return new AdapterRejectedException(CONFIG_INVALID, FILE_NAME + ": " + why);
    }
}
