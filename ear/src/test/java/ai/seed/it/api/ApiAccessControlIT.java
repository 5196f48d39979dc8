package ai.seed.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.dictionary.DictionaryRepository;
import ai.seed.domain.dictionary.DictionaryVersion;
import ai.seed.domain.embedding.Embedding;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.model.baseline.BaselineEmbedder;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access control of every API operation, enumerated from the served OpenAPI document so that a
 * new endpoint is covered the day it is added: without credentials (and with a forged key) every
 * non-public operation is 401; every operation declares the API key scopes that may call it, a
 * key without them gets 403 naming them and a key with only them gets past the check; with
 * tenant A's key and tenant B's ids every operation answers exactly as for an id that does not
 * exist (404, or 403 where the role is refused first; never 2xx, never 5xx) and B's data is
 * unchanged afterwards. Public operations are listed here by name, so a new public one fails the
 * test until someone decides it may be public.
 */
@ExtendWith(ArquillianExtension.class)
class ApiAccessControlIT {

    /** Operations anyone may call: readiness and versions for partners, the API docs. */
    private static final Set<String> PUBLIC = Set.of("GET /api/v1/health", "GET /api/v1/system", "GET /api/docs",
            "GET /api/docs/{file}");
    /** Operations for a platform admin's console session only: every API key gets 403, whatever its scopes. */
    private static final Set<String> PLATFORM_ONLY = Set.of("POST /api/v1/evaluations/datasets/server-folder");
    /** Operations that exist besides the /api document: the OpenAI-compatible API. */
    private static final List<Operation> OPENAI = List.of(
            new Operation("POST", "/v1/chat/completions", "openai", List.of("turns")),
            new Operation("GET", "/v1/models", "openai", List.of("turns")),
            new Operation("GET", "/v1/models/{model}", "openai", List.of("turns")));
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * {@code scopes}: the declared alternatives, any one of which lets a key call it;
     * {@code bodyType}: the request body type to send (JSON where accepted), null for none declared.
     */
    record Operation(String method, String template, String tag, List<String> scopes, String bodyType) {
        Operation(String method, String template, String tag, List<String> scopes) {
            this(method, template, tag, scopes, "application/json");
        }

        /** This operation called with an empty body of its type ({@code {}} for JSON). */
        Http.Reply call(Http http, String path) {
            if (bodyType == null || bodyType.equals("application/json")) {
                return http.method(method, path, "{}");
            }
            return http.raw(method, path, bodyType, new byte[0]);
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("api-access-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;

    @Inject
    DictionaryRepository dictionaries;

    Http anonymous = new Http(null);
    Http a;
    Http b;
    UUID bTenant;

    @BeforeEach
    void twoTenants() {
        backends.reconfigure(PipelineFixture.settings("", "", 1000));
        a = new Http(key(tenant("acl-a-"), ApiScope.ALL));
        bTenant = tenant("acl-b-");
        b = new Http(key(bTenant, ApiScope.ALL));
    }

    @AfterEach
    void restore() {
        backends.reconfigure(backends.configured());
    }

    private UUID tenant(String slugPrefix) {
        return tenancy.createTenant(Caller.of("root", null, Role.PLATFORM_ADMIN),
                slugPrefix + UUID.randomUUID().toString().substring(0, 8), "ACL").id();
    }

    /** A tenant's key with {@code scopes}; for exactly the platform scopes, a platform key (no tenant). */
    private String key(UUID tenant, Set<ApiScope> scopes) {
        Caller issuer = scopes.equals(ApiScope.PLATFORM) ? Caller.of("root", null, Role.PLATFORM_ADMIN)
                : Caller.of("admin", tenant, Role.TENANT_ADMIN);
        return tenancy.issueApiKey(issuer, "acl", null, scopes).key();
    }

    @Test
    void theDocumentListsEveryResource() {
        List<Operation> ops = operations();
        for (String expected : List.of("POST /api/v1/concepts", "GET /api/v1/concepts/{id}", "DELETE /api/v1/concepts/{id}",
                "POST /api/v1/scenarios", "POST /api/v1/turns", "GET /api/v1/turns/{id}", "POST /api/v1/dictionary/jobs")) {
            assertTrue(ops.stream().anyMatch(o -> o.toString().equals(expected)), expected + " missing from " + ops);
        }
    }

    @Test
    void withoutCredentialsEveryNonPublicOperationIs401() {
        List<String> failures = new ArrayList<>();
        for (Operation op : all()) {
            if (PUBLIC.contains(op.toString())) {
                continue;
            }
            String path = fill(op.template(), Map.of());
            expect(failures, op + " anonymous", anonymous.method(op.method(), path, "{}"), 401);
            expect(failures, op + " forged key", new Http("seed_abcdefgh_" + "x".repeat(40)).method(op.method(), path, "{}"), 401);
            expect(failures, op + " malformed key", new Http("' OR 1=1 --").method(op.method(), path, "{}"), 401);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void publicOperationsAnswerWithoutCredentials() {
        assertEquals(200, anonymous.get("/api/v1/health").status());
        assertEquals(200, anonymous.get("/api/v1/system").status());
    }

    @Test
    void everyOperationDeclaresItsScopesAndAKeyWithoutThemIs403NamingThem() {
        UUID tenant = tenant("acl-s-");
        Map<Set<ApiScope>, Http> keys = new HashMap<>();
        List<String> failures = new ArrayList<>();
        for (Operation op : all()) {
            if (PUBLIC.contains(op.toString())) {
                continue;
            }
            if (op.scopes().isEmpty()) {
                failures.add(op + " declares no API key scope in the OpenAPI document");
                continue;
            }
            if (PLATFORM_ONLY.contains(op.toString())) {
                expect(failures, op + " with every scope", paced(() -> a.method(op.method(), fill(op.template(), Map.of()),
                        "{}")), 403);
                continue;
            }
            Set<ApiScope> declared = EnumSet.noneOf(ApiScope.class);
            op.scopes().forEach(id -> declared.add(ApiScope.parse(id)));
            Set<ApiScope> others = EnumSet.complementOf(EnumSet.copyOf(declared));
            others.remove(ApiScope.TENANTS); // no tenant's key carries it: a platform key is checked below
            String path = fill(op.template(), Map.of());
            if (!declared.contains(ApiScope.TENANTS)) {
                Http platformKey = keys.computeIfAbsent(ApiScope.PLATFORM, scopes -> new Http(key(tenant, scopes)));
                expect(failures, op + " with a platform key", paced(() -> op.call(platformKey, path)), 403);
            }
            Http lacking = keys.computeIfAbsent(others, scopes -> new Http(key(tenant, scopes)));
            Http.Reply refused = paced(() -> op.call(lacking, path));
            expect(failures, op + " without " + op.scopes(), refused, 403);
            // The partner API's problem code is missing-scope; OpenAI's error codes use underscores.
            if (refused.status() == 403 && (!refused.body().matches("(?s).*missing[-_]scope.*")
                    || op.scopes().stream().anyMatch(id -> !refused.body().contains(id)))) {
                failures.add(op + ": the 403 does not name the missing scope " + op.scopes() + ": " + refused.body());
            }
            Http having = keys.computeIfAbsent(declared, scopes -> new Http(key(tenant, scopes)));
            Http.Reply allowed = paced(() -> op.call(having, path));
            if (allowed.status() == 403) {
                failures.add(op + " with only " + op.scopes() + " is still refused: " + abbreviate(allowed.body()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void anotherTenantsIdsAre404AndChangeNothing() {
        JsonObject concept = b.post("/api/v1/concepts", "{\"name\":\"theirs\",\"description\":\"<theirs> belongs to B\","
                + "\"images\":[{\"data\":\"" + Base64.getEncoder().encodeToString(ItImages.toyPng(64)) + "\"}]}").json();
        String conceptId = concept.getString("id");
        String scenarioId = b.post("/api/v1/scenarios", "{\"name\":\"b-home\",\"conceptIds\":[\"" + conceptId + "\"]}")
                .json().getString("id");
        Http.Reply turn = b.post("/api/v1/turns", "{\"question\":\"What is <theirs>?\"}");
        String turnId = turn.json().getString("turnId");
        String jobId = b.post("/api/v1/dictionary/jobs", "{\"k\":1,\"source\":\"tenant-concepts\"}").json().getString("id");
        String versionId = String.valueOf(bVersion());
        Map<String, String> theirs = Map.of("concepts", conceptId, "scenarios", scenarioId, "turns", turnId,
                "jobs", jobId, "versions", versionId);

        List<String> failures = new ArrayList<>();
        for (Operation op : all()) {
            if (!op.template().contains("{") || PUBLIC.contains(op.toString()) || "openai".equals(op.tag())) {
                continue; // openai: ids are model names (below)
            }
            String body = op.template().endsWith("/concepts") ? "{\"conceptIds\":[\"" + conceptId + "\"]}" : "{}";
            // B's id must answer exactly like an id that does not exist: 404, or the 403/415 of a
            // call refused before any id is looked up (role, or a body type the operation never takes).
            Http.Reply nonexistent = paced(() -> a.method(op.method(), fill(op.template(), Map.of()), body));
            Http.Reply foreign = paced(() -> a.method(op.method(), fill(op.template(), theirs), body));
            int expected = nonexistent.status() == 403 || nonexistent.status() == 415 ? nonexistent.status() : 404;
            expect(failures, op + " with a nonexistent id", nonexistent, expected);
            expect(failures, op + " with B's id", foreign, expected);
        }
        // A's scenario cannot take B's concept, and A's model list does not offer B's scenario.
        expect(failures, "A's scenario with B's concept", paced(() -> a.post("/api/v1/scenarios",
                "{\"name\":\"a-steal\",\"conceptIds\":[\"" + conceptId + "\"]}")), 404);
        expect(failures, "B's scenario as an OpenAI model", a.get("/v1/models/seed-full:" + scenarioId), 404);
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        assertEquals("<theirs> belongs to B", b.get("/api/v1/concepts/" + conceptId).json().getString("description"));
        assertEquals(200, b.get("/api/v1/scenarios/" + scenarioId).status());
        assertEquals(200, b.get("/api/v1/turns/" + turnId).status());
        assertTrue(dictionaries.versions(bTenant).stream().anyMatch(v -> v.id() == Long.parseLong(versionId)
                && v.activatedAt() == null), "B's version is still B's and was not activated by A");
    }

    /** A ready dictionary version of tenant B (built directly: clustering is DictionaryIT's subject). */
    private long bVersion() {
        DictionaryVersion v = new DictionaryVersion(bTenant, "acl-b", BaselineEmbedder.ID, BaselineEmbedder.DIMENSION);
        float[] direction = new float[BaselineEmbedder.DIMENSION];
        direction[0] = 1;
        v.addMetaConcept(0, "<acl-b0>", "acl-b-0", 1, Embedding.normalized(BaselineEmbedder.ID, direction));
        v.markReady();
        return dictionaries.save(v).id();
    }

    /**
     * One key walks every operation twice, more than the test server's rate-limit burst: like a
     * well-behaved client it waits out a 429's Retry-After (the limiter is PartnerApiIT's subject).
     */
    private static Http.Reply paced(java.util.function.Supplier<Http.Reply> call) {
        Http.Reply reply = call.get();
        for (int attempt = 0; reply.status() == 429 && attempt < 10; attempt++) {
            String retryAfter = reply.header("Retry-After");
            try {
                Thread.sleep(1000L * (retryAfter == null ? 1 : Math.max(1, Long.parseLong(retryAfter.strip()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = call.get();
        }
        return reply;
    }

    private static void expect(List<String> failures, String what, Http.Reply reply, int status) {
        if (reply.status() != status) {
            failures.add(what + ": expected " + status + ", got " + reply.status() + " " + abbreviate(reply.body()));
        } else if (reply.body().contains("\tat ") || reply.body().contains("Exception")) {
            failures.add(what + ": leaked internals " + abbreviate(reply.body()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private List<Operation> all() {
        List<Operation> ops = new ArrayList<>(operations());
        ops.addAll(OPENAI);
        return ops;
    }

    /** Every operation in the served OpenAPI document (paths of the /api application). */
    private List<Operation> operations() {
        Http.Reply doc = anonymous.getAccepting("/openapi", "application/json");
        assertEquals(200, doc.status(), doc.body());
        List<Operation> ops = new ArrayList<>();
        JsonObject paths = doc.json().getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                String tag = operation.containsKey("tags") ? operation.getJsonArray("tags").getString(0) : "";
                String full = path.startsWith("/api") ? path : "/api" + path;
                ops.add(new Operation(method.toUpperCase(Locale.ROOT), full, tag, declaredScopes(operation),
                        bodyType(operation)));
            }
        }
        assertTrue(ops.size() >= 15, "too few operations in the OpenAPI document: " + ops);
        return ops;
    }

    /** The operation's own security requirements' apiKey scopes (alternatives), empty when it declares none. */
    private static List<String> declaredScopes(JsonObject operation) {
        List<String> scopes = new ArrayList<>();
        if (operation.containsKey("security")) {
            for (var requirement : operation.getJsonArray("security")) {
                var names = requirement.asJsonObject().getJsonArray("apiKey");
                if (names != null) {
                    names.getValuesAs(jakarta.json.JsonString.class).forEach(n -> scopes.add(n.getString()));
                }
            }
        }
        return scopes;
    }

    /** JSON where the operation takes it, else its first type that is not a form, else a form; null for no body. */
    private static String bodyType(JsonObject operation) {
        if (!operation.containsKey("requestBody")) {
            return null;
        }
        Set<String> types = operation.getJsonObject("requestBody").getJsonObject("content").keySet();
        return types.contains("application/json") ? "application/json"
                : types.stream().filter(t -> !t.startsWith("multipart/")).findFirst().orElse(types.iterator().next());
    }

    /** The template with ids filled in: the given tenant's ids by resource, else fresh ones. */
    private static String fill(String template, Map<String, String> ids) {
        String resource = template.replaceFirst("^/api/v1/", "").replaceFirst("/.*", "");
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "index" -> "0";
                case "file" -> "index.html";
                case "model" -> "seed-full";
                default -> template.contains("/dictionary/versions/") ? ids.getOrDefault("versions", "987654321")
                        : template.contains("/dictionary/jobs/") ? ids.getOrDefault("jobs", UUID.randomUUID().toString())
                        : ids.getOrDefault(resource, UUID.randomUUID().toString());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
