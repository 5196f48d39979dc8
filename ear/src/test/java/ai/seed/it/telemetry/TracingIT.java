package ai.seed.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.fakes.OtlpReceiver;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Distributed tracing (issue #16): with OpenTelemetry switched on by its standard settings (here
 * in the deployment's MicroProfile Config; in production the {@code OTEL_*} variables), a turn
 * exports its spans by OTLP to a collector (an in-test receiver), sends the model call's W3C
 * {@code traceparent} to the model server (the fake large VLM, which a vLLM with tracing on would
 * join), and stores the trace id with the turn. The receiver and the fake run on the client side;
 * the in-container step creates the tenant and points the large VLM at the fake.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingIT {

    static final int OTLP_PORT = 14318;
    static final String OTEL_CONFIG = String.join("\n",
            "otel.sdk.disabled=false",
            "otel.service.name=seed-tracing-it",
            "otel.traces.exporter=otlp",
            "otel.exporter.otlp.protocol=http/protobuf",
            "otel.exporter.otlp.endpoint=http://127.0.0.1:" + OTLP_PORT,
            "otel.bsp.schedule.delay=100",
            "otel.metrics.exporter=none",
            "otel.logs.exporter=none", "");

    static OtlpReceiver collector;
    static FakeOpenAiServer large;

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;

    @Deployment
    static EnterpriseArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "tracing-it.war")
                .addClasses(TracingIT.class, ItShared.class)
                .addPackage(FakeOpenAiServer.class.getPackage())
                .addPackage(PipelineFixture.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        // In the EAR's lib, so that every module of the deployment reads the same settings.
        JavaArchive otel = ShrinkWrap.create(JavaArchive.class, "otel-it-config.jar")
                .addAsManifestResource(new StringAsset(OTEL_CONFIG), "microprofile-config.properties");
        EnterpriseArchive ear = ai.seed.it.SeedDeployments.realEar();
        ear.addAsLibrary(otel);
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }

    @Test
    @Order(1)
    @RunAsClient
    void aCollectorAndAFakeLargeVlmListen() throws Exception {
        collector = OtlpReceiver.start(OTLP_PORT);
        large = FakeOpenAiServer.start("gpt-4o").respondWith(r -> FakeOpenAiServer.ok("<bo> is a red and yellow toy."));
        ItShared.put("tracing.large", large.baseUrl());
    }

    @Test
    @Order(2)
    void aTenantWithAKeyUsesTheFake() {
        backends.reconfigure(PipelineFixture.settings("", ItShared.get("tracing.large"), 5000));
        UUID tenant = tenancy.createTenant(Caller.of("root", null, Role.PLATFORM_ADMIN),
                "tracing-" + UUID.randomUUID().toString().substring(0, 8), "Tracing").id();
        ItShared.put("tracing.key", tenancy.issueApiKey(Caller.of("admin", tenant, Role.TENANT_ADMIN), "crm", null,
                ApiScope.ALL).key());
    }

    @Test
    @Order(3)
    @RunAsClient
    void aTurnsSpansReachTheCollectorAndItsModelCallCarriesTheTraceparent() throws Exception {
        String base = System.getProperty("seed.baseUrl", "http://127.0.0.1:8080/");
        String key = ItShared.get("tracing.key");
        HttpClient http = HttpClient.newHttpClient();
        // The partner's own trace: Seed's spans join it.
        String partnerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> turn = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/turns"))
                .header("traceparent", "00-" + partnerTrace + "-00f067aa0ba902b7-01")
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What kind of thing is <bo>?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, turn.statusCode(), turn.body());
        String turnId = json(turn.body()).getString("turnId");

        FakeOpenAiServer.Recorded answerCall = large.received().get(large.received().size() - 1);
        String traceparent = answerCall.traceparent();
        assertNotNull(traceparent, "the model server got the W3C trace context");
        assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
        String traceId = traceparent.substring(3, 35);
        assertEquals(partnerTrace, traceId, "the turn ran inside the partner's trace");
        String outgoingSpanId = traceparent.substring(36, 52);

        HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/turns/" + turnId))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(traceId, json(stored.body()).getJsonObject("turn").getString("otelTraceId"), stored.body());

        List<OtlpReceiver.ReceivedSpan> spans = List.of();
        long until = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < until) {
            spans = collector.spans().stream().filter(s -> traceId.equals(s.traceId())).toList();
            if (spans.stream().anyMatch(s -> s.name().equals("seed.turn"))
                    && spans.stream().anyMatch(s -> s.name().equals("seed.model_call answer"))
                    && spans.stream().anyMatch(s -> outgoingSpanId.equals(s.spanId()))) {
                break;
            }
            Thread.sleep(100);
        }
        OtlpReceiver.ReceivedSpan turnSpan = named(spans, "seed.turn");
        OtlpReceiver.ReceivedSpan stage = named(spans, "seed.stage answer");
        OtlpReceiver.ReceivedSpan call = named(spans, "seed.model_call answer");
        // The model server's parent is the REST client's HTTP span of this model call.
        List<OtlpReceiver.ReceivedSpan> seen = spans;
        OtlpReceiver.ReceivedSpan outgoing = seen.stream().filter(s -> outgoingSpanId.equals(s.spanId())).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + outgoingSpanId + " in " + seen));
        assertEquals(call.spanId(), outgoing.parentSpanId(), outgoing.toString());
        assertEquals(stage.spanId(), call.parentSpanId());
        assertEquals(turnSpan.spanId(), stage.parentSpanId());
        assertEquals("answer", call.attributes().get("seed.phase"));
        assertEquals("gpt-4o", call.attributes().get("gen_ai.request.model"));
        assertEquals("1", call.attributes().get("seed.attempt"));
        assertEquals("ok", call.attributes().get("seed.outcome"));
        assertEquals("100", call.attributes().get("gen_ai.usage.input_tokens"));
        assertEquals("answered", turnSpan.attributes().get("seed.outcome"));
        assertEquals(json(turn.body()).getString("traceId"), turnSpan.attributes().get("seed.request_id"));
    }

    /** A streamed answer's call runs on the client's own threads: it carries the turn's trace there too. */
    @Test
    @Order(4)
    @RunAsClient
    void aStreamedAnswersModelCallJoinsItsTurnsTraceToo() throws Exception {
        String base = System.getProperty("seed.baseUrl", "http://127.0.0.1:8080/");
        String key = ItShared.get("tracing.key");
        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "v1/chat/completions")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\": \"seed\", \"stream\": true, \"messages\": [{\"role\": \"user\", "
                                + "\"content\": \"What kind of thing is <bo>?\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, streamed.statusCode(), streamed.body());
        assertTrue(streamed.body().contains("\"content\":\"<bo> \""), streamed.body());
        String traceparent = large.received().get(large.received().size() - 1).traceparent();
        assertNotNull(traceparent);
        String turnId = streamed.body().lines().filter(l -> l.contains("\"turn_id\"")).findFirst().map(l -> json(l.substring(6))
                .getJsonObject("seed").getString("turn_id")).orElseThrow();
        HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/v1/turns/" + turnId)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(traceparent.substring(3, 35), json(stored.body()).getJsonObject("turn").getString("otelTraceId"));
    }

    @Test
    @Order(5)
    void restoreTheModels() {
        backends.reconfigure(backends.configured());
    }

    @Test
    @Order(6)
    @RunAsClient
    void stopTheListeners() {
        large.close();
        collector.close();
    }

    private static OtlpReceiver.ReceivedSpan named(List<OtlpReceiver.ReceivedSpan> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in the turn's trace: " + spans));
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
