package ai.seed.inference.config;

import ai.seed.domain.audit.AuditLog;
import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Changes the model endpoints at run time (platform admins, from the console). A change is stored in
 * PostgreSQL ({@link ModelSettingsStore}) and reaches every node's later turns within about a second,
 * also after restarts; {@link #reset} returns all nodes to MicroProfile Config. Every change is
 * audited, without the API key; a key entered here is stored encrypted.
 */
@ApplicationScoped
@Transactional
public class ModelSettingsService {

    static final Set<String> DIALECTS = Set.of("openai", "vllm", "llama_cpp");

    @Inject
    ModelBackends backends;
    @Inject
    AuditLog audit;
    @Inject
    ModelSettingsStore store;

    /**
     * One endpoint as edited: {@code url} blank = not configured; {@code apiKey} null or blank =
     * keep the current key; {@code loraIds} as in configuration ({@code name=index,...}).
     */
    public record EndpointInput(String url, String model, String dialect, String apiKey, String loraIds,
                                long timeoutMs) {
    }

    /** One endpoint as shown: never the key itself, only whether one is set. */
    public record EndpointShown(String url, String model, String dialect, boolean apiKeySet, String loraIds,
                                long timeoutMs) {
    }

    public record Shown(EndpointShown large, EndpointShown small) {
    }

    public Shown current(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        ModelSettings s = backends.current().settings();
        return new Shown(shown(s.largeVlm()), shown(s.smallVlm()));
    }

    public Shown update(Caller caller, EndpointInput large, EndpointInput small) {
        caller.require(Role.PLATFORM_ADMIN);
        ModelSettings s = backends.current().settings();
        ModelSettings.Endpoint newLarge = merge("large VLM", s.largeVlm(), large);
        ModelSettings.Endpoint newSmall = merge("small VLM", s.smallVlm(), small);
        ModelSettings next = new ModelSettings(s.embedderKind(), s.embedderModelDir(), s.embedderDevice(),
                s.detectorThreshold(), newSmall, s.smallTemperature(), s.smallMaxTokens(), newLarge,
                s.largeTemperature(), s.largeMaxTokens(), s.topK(), s.defaultMode(), s.maxConceptsPerPrompt(),
                s.largeVlmFallback());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("largeUrl", nz(newLarge.url()));
        detail.put("largeModel", nz(newLarge.model()));
        detail.put("largeDialect", nz(newLarge.dialect()));
        detail.put("largeKeyChanged", String.valueOf(large.apiKey() != null && !large.apiKey().isBlank()));
        detail.put("smallUrl", nz(newSmall.url()));
        detail.put("smallModel", nz(newSmall.model()));
        detail.put("smallDialect", nz(newSmall.dialect()));
        audit.record(null, caller.actor(), "models.update", "models", null, detail);
        long version = stored(() -> store.save(new ModelSettingsStore.Overrides(newLarge, newSmall),
                backends.configured(), String.valueOf(caller.actor())));
        backends.apply(next, version);
        return current(caller);
    }

    /** Back to the settings from configuration. */
    public Shown reset(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        audit.record(null, caller.actor(), "models.reset", "models", null, Map.of("to", "configuration"));
        long version = stored(() -> store.clear(String.valueOf(caller.actor())));
        backends.apply(backends.configured(), version);
        return current(caller);
    }

    private interface StoreCall {
        long run() throws SQLException;
    }

    /** A failed write rolls the audit record back with it (the transaction fails). */
    private static long stored(StoreCall call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new IllegalStateException("model settings could not be stored: " + e.getMessage(), e);
        }
    }

    /** Null when {@code url} is a usable absolute http(s) URL (or blank); otherwise why not. */
    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return "must be an absolute http:// or https:// URL, e.g. http://gpu-2:8000/v1";
            }
            return null;
        } catch (Exception e) {
            return "must be an absolute http:// or https:// URL, e.g. http://gpu-2:8000/v1";
        }
    }

    private static ModelSettings.Endpoint merge(String role, ModelSettings.Endpoint old, EndpointInput in) {
        String url = in.url() == null ? "" : in.url().strip();
        String problem = urlProblem(url);
        if (problem != null) {
            throw ServiceException.invalid("invalid-url", "the " + role + " URL " + problem);
        }
        String dialect = in.dialect() == null || in.dialect().isBlank() ? old.dialect()
                : in.dialect().strip().toLowerCase(Locale.ROOT);
        if (!DIALECTS.contains(dialect)) {
            throw ServiceException.invalid("invalid-dialect", "the " + role + " dialect must be openai, vllm or llama_cpp");
        }
        String model = in.model() == null || in.model().isBlank() ? old.model() : in.model().strip();
        if (!url.isEmpty() && (model == null || model.isBlank())) {
            throw ServiceException.invalid("invalid-model", "the " + role + " needs a model name");
        }
        if (in.timeoutMs() < 100 || in.timeoutMs() > 600_000) {
            throw ServiceException.invalid("invalid-timeout", "the " + role + " timeout must be between 100 and 600000 ms");
        }
        Map<String, Integer> lora;
        try {
            lora = in.loraIds() == null ? old.loraIds() : ModelSettingsReader.loraIds(in.loraIds().strip());
        } catch (RuntimeException e) {
            throw ServiceException.invalid("invalid-lora-ids", "the " + role
                    + " lora-ids look like meta-0=0,meta-1=1");
        }
        String key = in.apiKey() == null || in.apiKey().isBlank() ? old.apiKey() : in.apiKey().strip();
        return new ModelSettings.Endpoint(url, model, key, dialect, lora, old.connectTimeout(),
                Duration.ofMillis(in.timeoutMs()));
    }

    private static EndpointShown shown(ModelSettings.Endpoint e) {
        String lora = e.loraIds() == null ? "" : String.join(",", e.loraIds().entrySet().stream()
                .map(x -> x.getKey() + "=" + x.getValue()).toList());
        return new EndpointShown(nz(e.url()), nz(e.model()), nz(e.dialect()),
                e.apiKey() != null && !e.apiKey().isBlank(), lora,
                e.readTimeout() == null ? 0 : e.readTimeout().toMillis());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
