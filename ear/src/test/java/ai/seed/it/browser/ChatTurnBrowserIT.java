package ai.seed.it.browser;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.turn.TurnStatus;
import ai.seed.domain.user.Role;
import ai.seed.inference.admission.TurnAdmission;
import ai.seed.inference.chat.AskRequest;
import ai.seed.inference.chat.ChatService;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.pipeline.EndpointHealth;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * The staff chat and the turn inspector in a real browser against fake model servers: an
 * in-container step creates a tenant, its admin and the concept {@code <bo>}, points the model
 * backends at scripted small and large VLMs; then the browser asks about a photo, reads the
 * answer and "Why?", and follows the turn into the inspector.
 *
 * <p>This class also runs in the container, where Playwright is absent: it holds no Playwright
 * types (page objects do) and uses no lambdas over them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatTurnBrowserIT {

    static final String IDENTITY = """
            {"<bo>": {"category": "a red and yellow checkered toy", "attributes": "always on the shelf"}}""";
    static final String DETECTED = """
            {"<bo>": {"present": true, "location-absolute": "top-left quadrant",
                      "location-relative": "to the left of the blue mug"}}""";
    static final String ANSWER = "Yes, <bo> is in the top-left part of the photo.";
    static final String QUESTION = "Where is <bo> in this photo?";
    static final String FOLLOW_UP = "Is it on the shelf?";
    /** The follow-up's answer, streamed slowly: the chat shows it growing while the progress still shows. */
    static final String ANSWER_2 = "Yes, it is on the shelf, next to the mug.";

    /** Kept between the in-container steps (same deployment, same class loader). */
    static FakeOpenAiServer small;
    static FakeOpenAiServer large;

    @Inject
    TenancyService tenancy;
    @Inject
    ConceptService concepts;
    @Inject
    ModelBackends backends;
    @Inject
    ChatService chat;
    @Inject
    EndpointHealth health;
    @Inject
    TurnAdmission admission;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("chat-browser-it.war", ChatTurnBrowserIT.class);
    }

    @Test
    @Order(1)
    void setUpTenantConceptAndFakeModels() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("chat-browser-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "chat-" + run, "Chat IT " + run);
        String username = "chat-admin-" + run;
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), username, "Chat Admin", Role.TENANT_ADMIN, password);
        small = FakeOpenAiServer.start("qwen2.5-vl-3b");
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(PipelineFixture.settings(small.baseUrl(), large.baseUrl(), 5000));
        large.reply(ok(IDENTITY));
        concepts.register(Caller.of(username, tenant.id(), Role.TENANT_ADMIN), new RegisterConcept("<bo>",
                "<bo> is my red and yellow toy; it is always on the shelf.",
                List.of(new UploadedImage(ItImages.toyPng(120), "bo.png")), null));
        // Two turns, each: detection, one reflection call, the answer. The first one's reflection says
        // "yes" to the location and "no" to the relative one; the follow-up confirms both.
        small.reply(ok(DETECTED), ok(DETECTED));
        large.reply(ok("yes no"), ok(ANSWER), ok("yes yes"),
                new FakeOpenAiServer.Streamed(List.of("Yes, it is ", "on the shelf, ", "next to the mug."), 300, 1_500, false));
        ItShared.put("chat-it.username", username);
        ItShared.put("chat-it.password", password);
        ItShared.put("chat-it.tenant", tenant.id().toString());
    }

    @Test
    @Order(2)
    @RunAsClient
    void asksAboutAPhotoReadsTheAnswerAndWhy() throws Exception {
        Path photo = Files.createTempFile("chat-it", ".png");
        Files.write(photo, ItImages.toyPng(200));
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-asks");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            ChatPage chat = browser.chat();
            chat.attach(photo).type("Where is ").insertConcept("<bo>");
            assertThat(chat.question().locator("textarea")).hasValue("Where is <bo> ");
            chat.type(QUESTION).ask();

            assertEquals(ANSWER, chat.waitForReply(1));
            chat.openWhy();
            assertThat(chat.whyFacts()).containsText("Mode FULL");
            assertThat(chat.whyChanges()).containsText("<bo> location-relative to the left of the blue mug -> (none)");
            String questions = chat.whyQuestions();
            assertTrue(questions.contains("top-left quadrant") && questions.contains("yes") && questions.contains("no"),
                    questions);
            assertTrue(chat.whyReport().contains("VERIFIED"), chat.whyReport());
            browser.screenshot("-answer");

            chat.type(FOLLOW_UP).ask();
            // While the models work the progress shows (the click has returned: the turn runs in the background)
            // and the page can still be used.
            assertThat(chat.progress()).isVisible();
            chat.closeWhy();
            assertThat(chat.progress()).isVisible();
            // The answer appears as the large VLM writes it, before the turn has finished.
            assertThat(chat.streamingAnswer()).hasText("Yes, it is ");
            assertThat(chat.progress()).isVisible();
            assertThat(chat.streamingAnswer()).hasText("Yes, it is on the shelf, ");
            browser.screenshot("-streaming");
            assertEquals(ANSWER_2, chat.waitForReply(2));
            assertThat(chat.streamingAnswer()).hasCount(0);

            TurnDetailPage turn = chat.openTrace(0);
            assertThat(turn.keptLocations()).hasCount(1);
            assertThat(turn.keptLocations()).containsText("<bo>");
            assertThat(turn.rawOutput()).containsText("\"location-absolute\": \"top-left quadrant\"");
            assertThat(turn.changes()).containsText("-> (none)");
            assertThat(turn.answer()).hasText(ANSWER);
            assertThat(turn.calls()).isVisible();
            String verdicts = turn.questions();
            assertTrue(verdicts.contains("yes") && verdicts.contains("no"), verdicts);
            browser.screenshot("-inspector");
            browser.passed();
        } finally {
            browser.close();
            Files.deleteIfExists(photo);
        }
    }

    @Test
    @Order(3)
    void theFollowUpWasSentWithTheConversationSoFar() {
        var answerCall = large.received().get(large.received().size() - 1).json().getJsonArray("messages");
        String messages = answerCall.toString();
        assertTrue(messages.contains(QUESTION) && messages.contains(ANSWER) && messages.contains(FOLLOW_UP), messages);
        assertTrue(messages.indexOf(QUESTION) < messages.indexOf(ANSWER)
                && messages.indexOf(ANSWER) < messages.indexOf(FOLLOW_UP), messages);
    }

    @Test
    @Order(4)
    @RunAsClient
    void theInspectorListsAndFiltersTheTurns() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-turns");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            TurnsPage turns = browser.turns();
            assertThat(turns.count()).hasText("2 of 2 turn(s)");
            turns.onlyChangedByReflection();
            assertThat(turns.count()).hasText("1 of 2 turn(s)");
            turns.user("nobody-like-this");
            assertThat(turns.count()).hasText("0 of 2 turn(s)");
            turns.user("chat-admin");
            TurnDetailPage turn = turns.open("Where is <bo>");
            assertThat(turn.summary()).containsText("reflection changed the report");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void aFailedTurnAndAnEmptyQuestionAreExplainedWithoutStackTraces() {
        ConsoleBrowser browser = ConsoleBrowser.tablet("ChatTurnBrowserIT-errors");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            ChatPage chat = browser.chat();
            chat.paste(ItImages.mugPng(64));
            chat.ask();
            assertThat(chat.question()).hasAttribute("invalid", "");
            assertThat(chat.question()).containsText("Type a question first.");
            // No scripted reply is left: the fake models answer 500.
            chat.type("What colour is <bo>?").ask();
            String error = chat.waitForReply(1);
            assertThat(chat.errors()).hasCount(1);
            assertFalse(Pattern.compile("Exception|\\bat [a-z]+\\.").matcher(error).find(), error);
            browser.screenshot("-error");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void retrainsClustersAndActivatesTheNewVersion() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-metaconcepts");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            MetaConceptsPage dictionary = browser.metaConcepts();
            String done = dictionary.retrain(1);
            assertTrue(done.startsWith("Done: new version #"), done);
            assertThat(dictionary.metaConceptCell("<bo>")).isVisible();
            assertThat(dictionary.activateButton()).isVisible();
            assertEquals(640, dictionary.mapWidth());
            // The fake small VLM (vLLM dialect) serves no adapter "meta-0": activation names it, then goes ahead.
            String refusal = dictionary.activateAnyway();
            assertTrue(refusal.contains("MISSING") && refusal.contains("meta-0"), refusal);
            assertThat(dictionary.activateButton()).isHidden();
            assertThat(dictionary.comparison()).hasText("This is the active version.");
            dictionary.changeFirstAdapter("lora-bo-v2");
            assertThat(dictionary.notifications().last()).containsText("now uses adapter lora-bo-v2");
            assertThat(dictionary.firstAdapter()).hasValue("lora-bo-v2");
            // This tenant never had an earlier active version: the refusal is explained, nothing changes.
            dictionary.rollBack();
            assertThat(dictionary.notifications().last()).containsText("No earlier active version to roll back to");
            assertThat(dictionary.versionCell("ACTIVE")).isVisible();
            browser.screenshot("-done");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void theDashboardChartsTheTurns() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-dashboard");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            DashboardPage dashboard = browser.dashboard();
            assertThat(dashboard.summary()).containsText("3 turns, 1 failed");
            for (String chart : List.of("chart-turns", "chart-suppressed", "chart-latency", "chart-errors")) {
                assertEquals(480, dashboard.chartWidth(chart), chart);
            }
            browser.screenshot("-charts");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(8)
    @RunAsClient
    void thePlatformAdminSeesTheBackendsAndTestsTheEndpoints() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-models");
        try {
            browser.signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
            ModelsPage models = browser.models();
            assertThat(models.backends()).containsText("baseline");
            assertThat(models.backends()).containsText("gpt-4o @ http://127.0.0.1:");
            models.testConnection();
            assertThat(models.healthCells("UP")).hasCount(2);
            // What this node's turns met: the breaker per endpoint and the calls by outcome (the errors
            // step's turn met the fakes' 500s).
            assertThat(models.healthCells("CLOSED")).hasCount(2);
            assertThat(models.healthDetail("rate-limited; last failure").first()).containsText("HTTP 500");
            browser.screenshot("-health");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    /**
     * The node admits one turn, and one is running (held here) until the chat has been refused
     * once, and 1.5 s more (at most a minute).
     */
    @Test
    @Order(9)
    void theNodeIsAtItsLimitOfTurnsUntilTheChatHasBeenRefused() {
        admission.limitTo(1);
        TurnAdmission.Ticket held = admission.admit();
        long refusedBefore = admission.refused();
        Thread release = new Thread(() -> {
            try {
                long until = System.currentTimeMillis() + 60_000;
                while (admission.refused() == refusedBefore && System.currentTimeMillis() < until) {
                    Thread.sleep(50);
                }
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.close();
                admission.resetLimit();
            }
        }, "chat-it-busy-release");
        release.setDaemon(true);
        release.start();
    }

    @Test
    @Order(10)
    @RunAsClient
    void whileTheNodeIsBusyTheChatSaysSoAndRetries() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-busy");
        try {
            browser.signIn(ItShared.get("chat-it.username"), ItShared.get("chat-it.password"));
            ChatPage chat = browser.chat();
            chat.type("What kind of thing is <bo>?").ask();
            assertThat(chat.progressText()).containsText("Busy: many questions are being answered right now; retrying in 1 s");
            browser.screenshot("-busy");
            // Once the place is free the turn runs (the fake large VLM has nothing left to say: it fails, but ran).
            chat.waitForReply(1);
            browser.passed();
        } finally {
            browser.close();
        }
    }

    /** Questions the failing large VLM cannot answer, until its circuit breaker opens (8 of the last 10 calls failed). */
    @Test
    @Order(11)
    void aLargeVlmThatKeepsFailingOpensItsBreaker() {
        Caller staff = Caller.of(ItShared.get("chat-it.username"), UUID.fromString(ItShared.get("chat-it.tenant")),
                Role.TENANT_ADMIN);
        for (int i = 0; i < 7; i++) {
            TurnResult result = chat.ask(staff, new AskRequest(null, null, null, "What kind of thing is <bo>?", List.of(), null));
            assertEquals(TurnStatus.FAILED, result.status());
        }
        assertEquals(EndpointHealth.Breaker.OPEN, health.state("large").breaker());
    }

    @Test
    @Order(12)
    @RunAsClient
    void theModelsViewShowsTheOpenBreaker() {
        ConsoleBrowser browser = ConsoleBrowser.open("ChatTurnBrowserIT-breaker");
        try {
            browser.signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
            ModelsPage models = browser.models();
            models.testConnection();
            assertThat(models.healthDetail("(calls paused)")).hasCount(1);
            assertThat(models.healthDetail("OPEN since").first()).isVisible();
            assertThat(models.healthDetail("last failure").first()).containsText("HTTP 500");
            browser.screenshot("-breaker-open");
            browser.passed();
        } finally {
            browser.close();
        }
    }

    @Test
    @Order(13)
    void tearDownFakeModels() {
        if (small != null) {
            small.close();
        }
        if (large != null) {
            large.close();
        }
        backends.reconfigure(backends.configured());
    }
}
