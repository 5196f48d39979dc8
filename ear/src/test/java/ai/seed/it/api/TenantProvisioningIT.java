package ai.seed.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItDatabase;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant provisioning over real HTTP with a platform key: idempotent create with the first admin's
 * password shown once, suspension that stops the tenant's keys at once, deletion of a suspended
 * tenant that removes what it owns (and nothing of another tenant) and says what, audited; tenant
 * keys, anonymous callers and bad input are refused with a reason.
 */
@ExtendWith(ArquillianExtension.class)
class TenantProvisioningIT {

    static final String IDENTITY = "{\"<bo>\": {\"category\": \"a toy\", \"attributes\": \"red\"}}";

    @Deployment
    static EnterpriseArchive deployment() {
        return PipelineFixture.deployment("tenant-provisioning-it.war");
    }

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;
    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    FakeOpenAiServer large;
    Http platform;
    String run;

    @BeforeEach
    void platformKey() throws Exception {
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        platform = new Http(tenancy.issueApiKey(Caller.of("root", null, Role.PLATFORM_ADMIN), "provisioner", null,
                ApiScope.PLATFORM).key());
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void restore() {
        large.close();
        backends.reconfigure(backends.configured());
    }

    private String body(String slug, String name, String admin) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\",\"admin\":{\"username\":\"" + admin
                + "\",\"displayName\":\"First Admin\"}}";
    }

    private static void assertProblem(Http.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(code, r.json().getString("code"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void createIsIdempotentAndShowsThePasswordOnce() {
        String slug = "prov-" + run;
        Http.Reply first = platform.post("/api/v1/admin/tenants", body(slug, "Provisioned Co", "admin-" + run));
        assertEquals(201, first.status(), first.body());
        JsonObject created = first.json();
        String id = created.getJsonObject("tenant").getString("id");
        assertTrue(first.header("Location").endsWith("/api/v1/admin/tenants/" + id), first.header("Location"));
        assertEquals("active", created.getJsonObject("tenant").getString("status"));
        assertTrue(created.getBoolean("created"));
        assertTrue(created.getJsonObject("admin").getString("password").length() >= 12, "a generated password");
        assertEquals("no-store", first.header("Cache-Control"));

        Http.Reply again = platform.post("/api/v1/admin/tenants", body(slug, "Provisioned Co", "admin-" + run));
        assertEquals(200, again.status(), again.body());
        assertFalse(again.json().getBoolean("created"));
        assertEquals(id, again.json().getJsonObject("tenant").getString("id"));
        assertFalse(again.json().getJsonObject("admin").containsKey("password"), "the password is shown once: " + again.body());

        assertProblem(platform.post("/api/v1/admin/tenants", body(slug, "Another Name", "admin-" + run)), 409, "tenant-exists");
        assertEquals(id, platform.get("/api/v1/admin/tenants/" + id).json().getString("id"));
        assertTrue(platform.get("/api/v1/admin/tenants").body().contains("\"" + slug + "\""));
    }

    @Test
    void badInputIsRefusedWithAReasonAndCreatesNothing() throws Exception {
        assertProblem(platform.post("/api/v1/admin/tenants", "{\"slug\": "), 400, "malformed-request");
        assertProblem(platform.post("/api/v1/admin/tenants", "{\"slug\":\"x-" + run + "\",\"name\":\"X\"}"), 400, "missing-field");
        assertProblem(platform.post("/api/v1/admin/tenants", body("Bad Slug!", "X", "admin-b-" + run)), 400, "bad-tenant");
        // The admin is refused after the tenant row was written: the transaction takes both back.
        Http.Reply badAdmin = platform.post("/api/v1/admin/tenants", body("half-" + run, "Half", "!!"));
        assertProblem(badAdmin, 400, "bad-user");
        assertEquals(0, count("SELECT count(*) FROM tenant WHERE slug = 'half-" + run + "'"));
        assertProblem(platform.get("/api/v1/admin/tenants/" + UUID.randomUUID()), 404, "not-found");
        assertEquals(404, platform.get("/api/v1/admin/tenants/not-a-uuid").status());
    }

    @Test
    void onlyAPlatformKeyProvisions() {
        UUID tenant = tenancy.createTenant(Caller.of("root", null, Role.PLATFORM_ADMIN), "prov-t-" + run, "T").id();
        Http tenantKey = new Http(tenancy.issueApiKey(Caller.of("admin", tenant, Role.TENANT_ADMIN), "all", null,
                ApiScope.ALL).key());
        Http.Reply refused = tenantKey.get("/api/v1/admin/tenants");
        assertProblem(refused, 403, "missing-scope");
        assertTrue(refused.json().getString("detail").contains("tenants"), refused.body());
        assertProblem(tenantKey.post("/api/v1/admin/tenants/" + tenant + "/suspend", "{}"), 403, "missing-scope");
        assertProblem(new Http(null).get("/api/v1/admin/tenants"), 401, "unauthenticated");
        // A platform key reaches no tenant's data.
        assertProblem(platform.get("/api/v1/concepts"), 403, "missing-scope");
        assertProblem(platform.post("/api/v1/turns", "{\"question\":\"hi\"}"), 403, "missing-scope");
    }

    @Test
    void aSuspendedTenantIsRefusedAtOnceAndDeletingItRemovesWhatItOwnedOnly() throws Exception {
        JsonObject doomed = platform.post("/api/v1/admin/tenants", body("doomed-" + run, "Doomed", "doomed-" + run)).json();
        UUID doomedId = UUID.fromString(doomed.getJsonObject("tenant").getString("id"));
        UUID keptId = UUID.fromString(platform.post("/api/v1/admin/tenants", body("kept-" + run, "Kept", "kept-" + run))
                .json().getJsonObject("tenant").getString("id"));
        Http doomedKey = new Http(tenancy.issueApiKey(Caller.of("doomed-" + run, doomedId, Role.TENANT_ADMIN), "crm",
                null, ApiScope.ALL).key());
        Http keptKey = new Http(tenancy.issueApiKey(Caller.of("kept-" + run, keptId, Role.TENANT_ADMIN), "crm", null,
                ApiScope.ALL).key());
        String doomedConcept = register(doomedKey);
        String keptConcept = register(keptKey);
        large.reply(FakeOpenAiServer.ok("<bo> is a toy."));
        assertEquals(200, doomedKey.post("/api/v1/turns", "{\"question\":\"What is <bo>?\"}").status());

        assertProblem(platform.delete("/api/v1/admin/tenants/" + doomedId), 409, "tenant-active");
        Http.Reply suspended = platform.post("/api/v1/admin/tenants/" + doomedId + "/suspend", "");
        assertEquals(200, suspended.status(), suspended.body());
        assertEquals("suspended", suspended.json().getString("status"));
        assertEquals(200, platform.post("/api/v1/admin/tenants/" + doomedId + "/suspend", "").status(), "idempotent");
        assertProblem(doomedKey.get("/api/v1/concepts/" + doomedConcept), 403, "tenant-suspended");
        assertEquals(200, keptKey.get("/api/v1/concepts/" + keptConcept).status());

        assertEquals("active", platform.post("/api/v1/admin/tenants/" + doomedId + "/resume", "").json().getString("status"));
        assertEquals(200, doomedKey.get("/api/v1/concepts/" + doomedConcept).status(), "resumed: the key works again");
        platform.post("/api/v1/admin/tenants/" + doomedId + "/suspend", "");

        Http.Reply deleted = platform.delete("/api/v1/admin/tenants/" + doomedId);
        assertEquals(200, deleted.status(), deleted.body());
        JsonObject removed = deleted.json().getJsonObject("removed");
        assertEquals(1, removed.getInt("users"), deleted.body());
        assertEquals(1, removed.getInt("apiKeys"));
        assertEquals(1, removed.getInt("concepts"));
        assertEquals(1, removed.getInt("referenceImages"));
        assertEquals(1, removed.getInt("turns"));
        assertTrue(removed.getInt("modelCalls") >= 1, deleted.body());

        assertProblem(platform.get("/api/v1/admin/tenants/" + doomedId), 404, "not-found");
        assertProblem(platform.delete("/api/v1/admin/tenants/" + doomedId), 404, "not-found");
        assertEquals(401, doomedKey.get("/api/v1/concepts").status(), "its keys are gone");
        for (String table : List.of("concept", "reference_image", "turn", "api_client", "app_user", "scenario")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE tenant_id = '" + doomedId + "'"), table);
        }
        assertEquals(200, keptKey.get("/api/v1/concepts/" + keptConcept).status(), "another tenant is untouched");
        List<String> audit = auditActions(doomedId);
        assertTrue(audit.containsAll(List.of("tenant.create", "tenant.suspend", "tenant.resume", "tenant.delete")), audit.toString());
    }

    private String register(Http as) {
        large.reply(FakeOpenAiServer.ok(IDENTITY));
        Http.Reply r = as.post("/api/v1/concepts", "{\"name\":\"bo\",\"description\":\"<bo> is a toy.\",\"images\":[{\"data\":\""
                + Base64.getEncoder().encodeToString(ItImages.toyPng(64)) + "\"}]}");
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }

    private long count(String sql) throws Exception {
        return ItDatabase.platformCount(dataSource, sql);
    }

    private List<String> auditActions(UUID tenantId) throws Exception {
        return ItDatabase.platformRows(dataSource, "SELECT action FROM audit_event WHERE target_id = ? ORDER BY id",
                tenantId.toString());
    }
}
