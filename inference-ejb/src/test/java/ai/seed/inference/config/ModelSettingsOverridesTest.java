package ai.seed.inference.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSettingsOverridesTest {

    private static ModelSettings.Endpoint endpoint(String url, String key, long timeoutMs) {
        return new ModelSettings.Endpoint(url, "m-" + url, key, "openai", Map.of("meta-0", 0),
                Duration.ofMillis(1234), Duration.ofMillis(timeoutMs));
    }

    private final ModelSettings configured = new ModelSettings("baseline", "", "cpu", 0.9,
            endpoint("http://small", "sk-small-conf", 30_000), 0.2, 1024,
            endpoint("http://large", "sk-large-conf", 60_000), 0.0, 512, 1, "FULL", 24);

    @Test
    void editedEndpointsReplaceTheConfiguredOnesAndKeepTheRest() {
        ModelSettingsStore.Overrides o = new ModelSettingsStore.Overrides(
                new ModelSettings.Endpoint("http://l2", "gpt-x", "sk-new", "vllm", Map.of(), null, Duration.ofMillis(700)),
                new ModelSettings.Endpoint("", "", null, "vllm", Map.of(), null, Duration.ofMillis(900)));
        ModelSettings s = o.applyTo(configured);
        assertEquals("http://l2", s.largeVlm().url());
        assertEquals("sk-new", s.largeVlm().apiKey());
        assertEquals(Duration.ofMillis(700), s.largeVlm().readTimeout());
        assertEquals(Duration.ofMillis(1234), s.largeVlm().connectTimeout(), "connect timeout stays configured");
        assertEquals("", s.smallVlm().url(), "a blanked endpoint stays blank");
        assertEquals("sk-small-conf", s.smallVlm().apiKey(), "no stored key: the configured one");
        assertEquals(512, s.largeMaxTokens());
        assertEquals("FULL", s.defaultMode());
    }

    @Test
    void editingTheEndpointsKeepsTheConfiguredFallback() {
        ModelSettings.Endpoint fallback = endpoint("http://fallback", "sk-fb", 20_000);
        ModelSettingsStore.Overrides o = new ModelSettingsStore.Overrides(
                new ModelSettings.Endpoint("http://l2", "gpt-x", null, "openai", Map.of(), null, Duration.ofMillis(700)),
                new ModelSettings.Endpoint("", "", null, "vllm", Map.of(), null, Duration.ofMillis(900)));
        ModelSettings s = o.applyTo(configured.withLargeVlmFallback(fallback));
        assertEquals(fallback, s.largeVlmFallback());
        assertEquals(null, configured.largeVlmFallback(), "none unless configured");
    }
}
