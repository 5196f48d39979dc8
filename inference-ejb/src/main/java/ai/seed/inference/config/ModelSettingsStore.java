package ai.seed.inference.config;

import ai.seed.inference.service.ServiceException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * The console's model endpoint settings in PostgreSQL ({@code model_settings_override}, one row), so
 * that a change made on one node reaches every node (each polls {@link #version()}, see
 * {@link ModelBackends}). Plain JDBC on the JTA datasource: inside a transaction (the service's
 * update) the statements join it, outside (a turn's poll) each one commits on its own.
 */
@ApplicationScoped
public class ModelSettingsStore {

    private static final Logger LOG = Logger.getLogger(ModelSettingsStore.class.getName());

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;
    @Inject
    Config config;

    /** What the database holds: its version and, unless reset to configuration, the edited endpoints. */
    public record Snapshot(long version, Optional<Overrides> overrides) {
    }

    /** Edited endpoints; an endpoint's {@code apiKey} null means "the configured key". */
    public record Overrides(ModelSettings.Endpoint large, ModelSettings.Endpoint small) {

        /** The configured settings with these endpoints in place of the configured ones. */
        public ModelSettings applyTo(ModelSettings c) {
            return new ModelSettings(c.embedderKind(), c.embedderModelDir(), c.embedderDevice(), c.detectorThreshold(),
                    over(c.smallVlm(), small), c.smallTemperature(), c.smallMaxTokens(), over(c.largeVlm(), large),
                    c.largeTemperature(), c.largeMaxTokens(), c.topK(), c.defaultMode(), c.maxConceptsPerPrompt(),
                    c.largeVlmFallback());
        }

        private static ModelSettings.Endpoint over(ModelSettings.Endpoint configured, ModelSettings.Endpoint edited) {
            return new ModelSettings.Endpoint(edited.url(), edited.model(),
                    edited.apiKey() == null ? configured.apiKey() : edited.apiKey(), edited.dialect(), edited.loraIds(),
                    configured.connectTimeout(), edited.readTimeout());
        }
    }

    public long version() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version FROM model_settings_override WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public Snapshot load() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT version, overridden, endpoints, large_key, small_key FROM model_settings_override WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Snapshot(0, Optional.empty());
            }
            if (!rs.getBoolean(2) || rs.getString(3) == null) {
                return new Snapshot(rs.getLong(1), Optional.empty());
            }
            JsonObject json;
            try (JsonReader r = Json.createReader(new StringReader(rs.getString(3)))) {
                json = r.readObject();
            }
            return new Snapshot(rs.getLong(1), Optional.of(new Overrides(
                    endpoint(json.getJsonObject("large"), rs.getBytes(4)),
                    endpoint(json.getJsonObject("small"), rs.getBytes(5)))));
        }
    }

    /**
     * Stores edited endpoints (keys only where they differ from the configured ones) and returns the
     * new version. Joins the caller's transaction, so the audit record and the change commit together.
     */
    public long save(Overrides edited, ModelSettings configured, String actor) throws SQLException {
        byte[] largeKey = sealIfEdited(edited.large().apiKey(), configured.largeVlm().apiKey());
        byte[] smallKey = sealIfEdited(edited.small().apiKey(), configured.smallVlm().apiKey());
        String endpoints = Json.createObjectBuilder().add("large", json(edited.large()))
                .add("small", json(edited.small())).build().toString();
        return update("overridden = true, endpoints = ?, large_key = ?, small_key = ?, updated_by = ?",
                endpoints, largeKey, smallKey, actor);
    }

    /** Back to configuration, on every node; returns the new version. */
    public long clear(String actor) throws SQLException {
        return update("overridden = false, endpoints = NULL, large_key = NULL, small_key = NULL, updated_by = ?", actor);
    }

    private long update(String set, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE model_settings_override SET version = version + 1, "
                     + set + ", updated_at = now() WHERE id = 1 RETURNING version")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("model_settings_override has no row: is the schema migrated (V7)?");
                }
                return rs.getLong(1);
            }
        }
    }

    private byte[] sealIfEdited(String key, String configuredKey) {
        if (key == null || key.isBlank() || key.equals(configuredKey)) {
            return null;
        }
        return cipher().encrypt(key);
    }

    private ModelSettings.Endpoint endpoint(JsonObject j, byte[] sealedKey) {
        String key = null;
        if (sealedKey != null) {
            try {
                key = cipher().decrypt(sealedKey);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // The shared secret changed since the key was saved: fall back to the configured key.
                LOG.warning("a model API key saved in the console cannot be decrypted with this node's secret; "
                        + "using the configured key until an admin saves it again");
            }
        }
        return new ModelSettings.Endpoint(j.getString("url", ""), j.getString("model", ""), key,
                j.getString("dialect", "openai"), ModelSettingsReader.loraIds(j.getString("loraIds", "")),
                null, Duration.ofMillis(j.getJsonNumber("timeoutMs").longValue()));
    }

    private static JsonObject json(ModelSettings.Endpoint e) {
        Map<String, Integer> lora = e.loraIds() == null ? Map.of() : e.loraIds();
        return Json.createObjectBuilder().add("url", nz(e.url())).add("model", nz(e.model()))
                .add("dialect", nz(e.dialect()))
                .add("loraIds", lora.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
                        .collect(Collectors.joining(",")))
                .add("timeoutMs", e.readTimeout() == null ? 60_000 : e.readTimeout().toMillis()).build();
    }

    private SettingsCipher cipher() {
        String secret = config.getOptionalValue("seed.settings.encryption-key", String.class)
                .or(() -> Optional.ofNullable(System.getenv("SEED_DB_PASSWORD")))
                .orElseThrow(() -> ServiceException.invalid("settings-key-missing",
                        "this server cannot store API keys: set SEED_SETTINGS_ENCRYPTION_KEY on every node"));
        return new SettingsCipher(secret);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
