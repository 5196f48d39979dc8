package ai.seed.it.browser;

import static ai.seed.it.fakes.FakeOpenAiServer.ok;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.RegisterConcept;
import ai.seed.inference.concepts.UploadedImage;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.turns.TurnHistory;
import ai.seed.it.ItShared;
import ai.seed.it.fakes.FakeOpenAiServer;
import ai.seed.it.pipeline.ItImages;
import ai.seed.it.pipeline.PipelineFixture;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * Hostile files in the staff chat, in a real browser: a truncated PNG, a text file renamed
 * {@code .png} and an 11 MiB file. Each is refused when attached, with a notification that names
 * the file and the problem; none stays attached, no turn is stored, and a normal question
 * afterwards is answered in the same session.
 *
 * <p>This class also runs in the container, where Playwright is absent: it holds no Playwright
 * types (page objects do) and uses no lambdas over them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatHostileInputBrowserIT {

    static final String IDENTITY = """
            {"<bo>": {"category": "a red and yellow checkered toy", "attributes": "always on the shelf"}}""";
    static final String ANSWER = "<bo> is red and yellow.";
    static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.|\\b(java|ai\\.seed)\\.[a-z]+\\.");

    /** Kept between the in-container steps (same deployment, same class loader). */
    static FakeOpenAiServer large;
    static Caller admin;

    @Inject
    TenancyService tenancy;
    @Inject
    ConceptService concepts;
    @Inject
    ModelBackends backends;
    @Inject
    TurnHistory history;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("chat-hostile-browser-it.war", ChatHostileInputBrowserIT.class);
    }

    @Test
    @Order(1)
    void setUpTenantConceptAndFakeLargeModel() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("chat-hostile-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "chat-hostile-" + run, "Chat hostile IT " + run);
        String username = "chat-hostile-" + run;
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), username, "Chat Hostile", Role.TENANT_ADMIN, password);
        admin = Caller.of(username, tenant.id(), Role.TENANT_ADMIN);
        large = FakeOpenAiServer.start("gpt-4o");
        backends.reconfigure(PipelineFixture.settings("", large.baseUrl(), 5000));
        large.reply(ok(IDENTITY));
        concepts.register(admin, new RegisterConcept("<bo>", "<bo> is my red and yellow toy; it is always on the shelf.",
                List.of(new UploadedImage(ItImages.toyPng(120), "bo.png")), null));
        // The one turn that should run: a text-only question, answered in one call.
        large.reply(ok(ANSWER));
        ItShared.put("chat-hostile.username", username);
        ItShared.put("chat-hostile.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void hostileFilesAreRefusedWithTheReasonAndTheChatKeepsWorking() throws Exception {
        Path dir = Files.createTempDirectory("chat-hostile");
        byte[] png = ItImages.toyPng(200);
        Path truncated = Files.write(dir.resolve("broken.png"), Arrays.copyOf(png, png.length / 3));
        Path text = Files.write(dir.resolve("notes.png"), "Meeting notes: bring <bo> on Friday.\n"
                .getBytes(StandardCharsets.UTF_8));
        Path huge = Files.write(dir.resolve("huge.png"), new byte[11 * 1024 * 1024]);
        ConsoleBrowser browser = ConsoleBrowser.open("ChatHostileInputBrowserIT");
        try {
            browser.signIn(ItShared.get("chat-hostile.username"), ItShared.get("chat-hostile.password"));
            ChatPage chat = browser.chat();

            refused(chat.choose(truncated).refusal("'broken.png' was not attached"), "damaged or truncated");
            refused(chat.choose(text).refusal("'notes.png' was not attached"), "Not a JPEG, PNG or WebP image");
            refused(chat.choose(huge).refusal("'huge.png' was not attached"), "at most 10 MiB");
            browser.screenshot("-refused");

            chat.type("What colour is <bo>?").ask();
            assertEquals(ANSWER, chat.waitForReply(1));
            assertThat(chat.errors()).hasCount(0);
            browser.passed();
        } finally {
            browser.close();
            for (Path p : List.of(truncated, text, huge, dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void refused(String message, String reason) {
        assertTrue(message.contains(reason), message);
        assertFalse(LEAK.matcher(message).find(), "no internals: " + message);
    }

    @Test
    @Order(3)
    void onlyTheNormalQuestionBecameATurnAndItCarriedNoImage() {
        var turns = history.list(admin, 0, 10);
        assertEquals(1, turns.total(), turns.items().toString());
        var answerCall = large.received().get(large.received().size() - 1).json().getJsonArray("messages");
        assertFalse(answerCall.toString().contains("image_url"), answerCall.toString());
        assertEquals(2, large.received().size(), "identity extraction and the one answer, nothing else");
    }

    @Test
    @Order(10)
    void tearDownFakeModel() {
        if (large != null) {
            large.close();
        }
        backends.reconfigure(backends.configured());
    }
}
