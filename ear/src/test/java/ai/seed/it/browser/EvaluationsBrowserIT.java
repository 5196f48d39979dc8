package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.evaluation.runs.DatasetImports;
import ai.seed.inference.evaluation.runs.DatasetView;
import ai.seed.inference.evaluation.runs.EvaluationService;
import ai.seed.inference.evaluation.runs.RunView;
import ai.seed.inference.evaluation.runs.StartRun;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import ai.seed.it.evaluation.EvalSets;
import ai.seed.it.evaluation.ScriptedModel;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Evaluations view in a real browser: an in-container step imports the tiny Yo'LLaVA set for a
 * new tenant and runs it against the scripted fake large VLM; the browser then sees the set and
 * the run, ticks it for the Tables 1/5 comparison and chart, reads its per-concept breakdown,
 * follows a result into the turn inspector, and starts a second run whose progress is pushed
 * until it has succeeded.
 *
 * <p>This class also runs in the container, where Playwright is absent: it holds no Playwright
 * types (page objects do).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationsBrowserIT {

    /** Kept between the in-container steps (same deployment, same class loader). */
    static FakeOpenAiServer large;

    @Inject
    TenancyService tenancy;
    @Inject
    ModelBackends backends;
    @Inject
    DatasetImports imports;
    @Inject
    EvaluationService evaluations;

    @Deployment
    static EnterpriseArchive deployment() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "evaluations-browser-it.war")
                .addClasses(EvaluationsBrowserIT.class, ItShared.class)
                .addPackage(FakeOpenAiServer.class.getPackage())
                .addPackage(PipelineFixture.class.getPackage())
                .addPackage(EvalSets.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        EnterpriseArchive ear = ai.seed.it.SeedDeployments.realEar();
        ear.addAsModule(Testable.archiveToTest(war));
        return ear;
    }

    @Test
    @Order(1)
    void setUpTenantDatasetAndAFinishedRun() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("eval-browser-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "evalui-" + run, "Eval UI " + run);
        String username = "eval-admin-" + run;
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), username, "Eval Admin", Role.TENANT_ADMIN, password);
        large = FakeOpenAiServer.start("gpt-4o").respondWith(new ScriptedModel()::reply);
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        Caller admin = Caller.of(username, tenant.id(), Role.TENANT_ADMIN);
        DatasetView set = imports.importZip(admin, "tiny yollava", "yollava", new ByteArrayInputStream(EvalSets.zip()));
        RunView started = evaluations.start(admin, new StartRun(set.id(), "plain", "PLAIN_VLM", 1, null, false, 2));
        RunView done = started;
        for (int i = 0; i < 600 && !done.finished(); i++) {
            Thread.sleep(100);
            done = evaluations.run(admin, started.id());
        }
        assertEquals("SUCCEEDED", done.status(), String.valueOf(done.message()));
        ItShared.put("eval-ui.username", username);
        ItShared.put("eval-ui.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void comparesARunAndStartsAnotherWithLiveProgress() {
        ConsoleBrowser browser = ConsoleBrowser.open("EvaluationsBrowserIT");
        try {
            browser.signIn(ItShared.get("eval-ui.username"), ItShared.get("eval-ui.password"));
            EvaluationsPage page = EvaluationsPage.open(browser.page(), browser.baseUrl());
            assertThat(page.datasetCell("tiny yollava")).isVisible();
            assertThat(page.runCell("plain")).isVisible();
            assertThat(page.runCell("SUCCEEDED")).isVisible();

            page.tickRun(0);
            // Strict weighted recognition 0.625, lenient 0.750 (see EvaluationIT for the hand computation).
            assertThat(page.comparisonCell("0.625")).isVisible();
            assertThat(page.comparisonCell("0.750")).isVisible();
            assertThat(page.chart()).isVisible();
            assertThat(page.perConceptCell("bo")).isVisible();
            assertThat(page.perConceptCell("mug")).isVisible();
            browser.screenshot("-comparison");

            TurnDetailPage turn = page.openFirstTrace();
            assertThat(turn.summary()).isVisible();
            assertTrue(browser.page().url().contains("/turns/"), browser.page().url());

            page = EvaluationsPage.open(browser.page(), browser.baseUrl());
            page.startRun("Plain VLM", "from-the-console");
            assertThat(page.runCell("from-the-console")).isVisible();
            page.waitForRunsWithStatus("SUCCEEDED", 2);
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(3)
    void restoreTheModels() {
        large.close();
        backends.reconfigure(backends.configured());
    }
}
