package ai.seed.it.browser;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.pipeline.Prompts;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A new customer's first hour in a real browser. A fresh tenant admin finds every view empty with
 * the action that fills it, then walks the home page's checklist (concept, scenario, first
 * question, the inspector, an API key) by its links; each step turns done by itself. The small
 * VLM is the weight-free baseline here (only a fake large VLM is configured), so the chat answer
 * and the inspected turn are labelled "baseline". The platform admin's checklist reads the same
 * real state: large VLM configured, small VLM not (baseline), a tenant with its admin.
 *
 * <p>This class also runs in the container, where Playwright is absent: it holds no Playwright
 * types (page objects do) and uses no lambdas over them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GettingStartedBrowserIT {

    static final List<String> TENANT_STEPS = List.of("concept", "scenario", "question", "inspect", "api-key");
    static final String ANSWER = "I cannot tell for sure whether <bo> is here.";

    static FakeOpenAiServer large;

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("getting-started-browser-it.war", GettingStartedBrowserIT.class);
    }

    /** The fake large VLM: an identity for registration, "yes" to reflection, then the answer. */
    static FakeOpenAiServer.Reply reply(FakeOpenAiServer.Recorded r) {
        String system = r.text("system");
        if (Prompts.identitySystem().equals(system)) {
            return ok("{\"<bo>\": {\"category\": \"a checkered toy\", \"attributes\": \"red and yellow\"}}");
        }
        return ok(Prompts.reflectionSystem().equals(system) ? "yes yes" : ANSWER);
    }

    @Test
    @Order(1)
    void setUpAFreshTenantAndOnlyALargeVlm() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("getting-started-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "first-" + run, "First Hour " + run);
        String username = "first-admin-" + run;
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), username, "First Admin", Role.TENANT_ADMIN, password);
        large = FakeOpenAiServer.start("gpt-4o").respondWith(GettingStartedBrowserIT::reply);
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        ItShared.put("first.username", username);
        ItShared.put("first.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void aNewTenantAdminFindsEmptyViewsAndWalksTheChecklist() throws Exception {
        Path photo = Files.createTempFile("first-hour", ".png");
        Files.write(photo, ItImages.toyPng(200));
        Path reference = TestImages.png(Files.createTempDirectory("first-hour"), "bo", Color.RED, Color.YELLOW);
        ConsoleBrowser browser = ConsoleBrowser.open("GettingStartedBrowserIT-tenant");
        try {
            browser.signIn(ItShared.get("first.username"), ItShared.get("first.password"));
            String base = browser.baseUrl();
            HomePage home = HomePage.open(browser.page(), base);
            assertThat(home.title()).containsText("0 of 5 done");
            for (String step : TENANT_STEPS) {
                assertFalse(home.done(step), step + " is not done on a fresh tenant");
            }
            browser.screenshot("-checklist-fresh");

            assertThat(home.emptyStateOf(base, "concepts", "concepts-empty")).containsText("New concept");
            assertThat(home.emptyStateOf(base, "scenarios", "scenarios-empty")).containsText("New scenario");
            assertThat(home.emptyStateOf(base, "turns", "turns-empty").locator("a")).hasAttribute("href", "chat");
            assertThat(home.emptyStateOf(base, "dashboard", "dashboard-empty")).containsText("Ask a question in Chat");
            assertThat(home.emptyStateOf(base, "meta-concepts", "versions-empty")).containsText("Retrain clusters");
            assertThat(home.emptyStateOf(base, "evaluations", "eval-datasets-empty")).containsText("Import dataset");
            assertThat(home.emptyStateOf(base, "evaluations", "eval-runs-empty")).containsText("Start run");
            assertThat(home.emptyStateOf(base, "users", "api-keys-empty")).containsText("New API key");
            browser.screenshot("-empty-concepts");

            home = HomePage.open(browser.page(), base);
            home.follow("concept", "concepts-grid");
            new ConceptsPage(browser.page()).registerConcept("bo", "<bo> is my red and yellow toy", reference);
            home = HomePage.open(browser.page(), base);
            assertTrue(home.done("concept"), "registering a concept ticks its step");
            assertFalse(home.done("scenario"));

            home.follow("scenario", "scenarios-grid");
            new ScenariosPage(browser.page()).createScenario("home", "<bo>");
            home = HomePage.open(browser.page(), base);
            assertTrue(home.done("scenario"));

            home.follow("question", "chat-ask");
            ChatPage chat = new ChatPage(browser.page());
            chat.attach(photo).type("Is <bo> here?").ask();
            chat.waitForReply(1);
            assertThat(chat.baselineNotes()).hasCount(1);
            assertThat(chat.baselineNotes().first()).containsText("baseline-detector");
            assertThat(chat.baselineNotes().first().locator("a")).hasAttribute("href", "models");
            browser.screenshot("-chat-baseline");
            home = HomePage.open(browser.page(), base);
            assertTrue(home.done("question"));
            assertFalse(home.done("inspect"), "asking is not inspecting");

            home.follow("inspect", "turns-grid");
            TurnDetailPage turn = new TurnsPage(browser.page()).open("Is <bo> here?");
            assertThat(turn.baseline()).containsText("baseline-detector");
            home = HomePage.open(browser.page(), base);
            assertTrue(home.done("inspect"));

            home.follow("api-key", "api-keys-grid");
            new UsersPage(browser.page()).createApiKey("crm");
            home = HomePage.open(browser.page(), base);
            for (String step : TENANT_STEPS) {
                assertTrue(home.done(step), step + " is done");
            }
            assertThat(home.title()).containsText("5 of 5 done");
            assertThat(home.complete()).isVisible();
            browser.screenshot("-checklist-done");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void thePlatformAdminsChecklistReadsTheModelsAndTenants() {
        ConsoleBrowser browser = ConsoleBrowser.open("GettingStartedBrowserIT-platform");
        try {
            browser.signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
            HomePage home = HomePage.open(browser.page(), browser.baseUrl());
            assertThat(home.title()).containsText("the platform");
            assertTrue(home.done("large-vlm"), "a large VLM is configured");
            assertThat(home.hint("large-vlm")).containsText("gpt-4o");
            assertFalse(home.done("small-vlm"), "no small VLM: the baseline detector serves");
            assertThat(home.hint("small-vlm")).containsText("baseline");
            assertTrue(home.done("tenant"), "step 1 made a tenant with its admin");
            for (String step : List.of("dictionary", "adapters", "evaluation")) {
                assertThat(home.step(step)).isVisible();
            }
            browser.screenshot("-platform");
            home.follow("large-vlm", "model-backends");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(4)
    void restoreTheModels() {
        backends.reconfigure(backends.configured());
        large.close();
    }
}
