package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.it.SeedDeployments;
import com.microsoft.playwright.Page;
import java.awt.Color;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin console in a real browser: a platform admin creates a tenant and its first admin, who
 * signs in and registers concepts (two uploaded PNGs), scenarios, a staff user and an API key.
 * Every test makes its own tenant (unique names per run), so the tests do not depend on each other.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleAdminBrowserIT {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    @TempDir
    Path images;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SeedDeployments.realEar();
    }

    private Page page() {
        return browser.page();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Platform admin creates a tenant with its first admin in the UI; that admin signs in. */
    private String signInAsNewTenantAdmin() {
        String slug = unique("t");
        String admin = unique("admin");
        LoginPage.open(page(), browser.baseUrl()).signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
        String password = TenantsPage.open(page(), browser.baseUrl()).createTenant(slug, "Tenant " + slug, admin);
        new TenantsPage(page()).signOut().signIn(admin, password);
        return slug;
    }

    @Test
    void aPlatformAdminCreatesATenantWhoseFirstAdminSignsInWithTheShownPassword() {
        String slug = unique("acme");
        String admin = unique("boss");
        LoginPage.open(page(), browser.baseUrl()).signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
        TenantsPage tenants = TenantsPage.open(page(), browser.baseUrl());

        String password = tenants.createTenant(slug, "Acme " + slug, admin);

        assertTrue(password.length() >= 12, "a generated password is shown once");
        assertThat(tenants.gridCell("tenants-grid", slug)).isVisible();
        tenants.signOut().signIn(admin, password);
        assertThat(page().locator("#signed-in-user")).hasText(admin);
        assertThat(page().locator("#signed-in-tenant")).containsText("Acme " + slug);
        assertThat(page().locator("vaadin-side-nav-item").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Scenarios"))).isVisible();
    }

    @Test
    void aRefusedFirstAdminLeavesNoTenantBehind() {
        String slug = unique("half");
        LoginPage.open(page(), browser.baseUrl()).signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
        TenantsPage tenants = TenantsPage.open(page(), browser.baseUrl());

        tenants.submitTenantExpectingError(slug, "Half " + slug, LoginPage.ADMIN); // username taken

        assertThat(tenants.dialogError()).containsText("username is taken");
        page().reload();
        page().locator("#tenants-grid").waitFor();
        assertThat(tenants.gridCell("tenants-grid", slug)).hasCount(0);
    }

    @Test
    void aTenantAdminRegistersAConceptWithTwoImagesAndSeesItWithItsThumbnail() {
        signInAsNewTenantAdmin();
        ConceptsPage concepts = ConceptsPage.open(page(), browser.baseUrl());
        Path red = TestImages.png(images, "red", Color.RED, Color.WHITE);
        Path blue = TestImages.png(images, "blue", Color.BLUE, Color.YELLOW);

        concepts.registerConcept("mug-one", "a red mug with a white dot", red, blue);

        assertThat(concepts.cell("<mug-one>")).isVisible();
        assertThat(concepts.cell("2")).isVisible();
        assertThat(page().locator("#concepts-grid .seed-badge").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("baseline")).first()).isVisible();
        assertThat(concepts.thumbnails()).hasCount(1);
        page().waitForFunction("() => { const i = document.querySelector('#concepts-grid img.seed-thumbnail');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        concepts.openFirstDetailWithKeyboard();
        assertThat(page().locator("#concept-detail-images img")).hasCount(2);
    }

    @Test
    void aTenantAdminSearchesCorrectsTheIdentityAndDeletesAConcept() {
        signInAsNewTenantAdmin();
        ConceptsPage concepts = ConceptsPage.open(page(), browser.baseUrl());
        concepts.registerConcept("cup-a", "a tall cup", TestImages.png(images, "cup", Color.CYAN, Color.RED));
        concepts.registerConcept("plate-b", "a round plate", TestImages.png(images, "plate", Color.WHITE, Color.BLUE));
        concepts.lookShot("concepts-1280x800", 1280, 800);

        concepts.search("plate");
        assertThat(concepts.cell("<plate-b>")).isVisible();
        assertThat(concepts.cell("<cup-a>")).hasCount(0);

        concepts.openDetail("<plate-b>");
        concepts.lookShot("concept-detail-tablet", 820, 1180);
        concepts.regenerateIdentity();
        assertThat(concepts.notification()).containsText("No large VLM is configured");
        concepts.saveIdentity("plate", "white, round, ceramic");
        assertThat(concepts.identityCategory()).hasValue("plate");
        assertThat(page().locator("#concept-detail .seed-badge, vaadin-dialog-overlay .seed-badge")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("identified")).first())
                .hasText("identified");
        concepts.replaceImages(TestImages.png(images, "p1", Color.PINK, Color.BLACK),
                TestImages.png(images, "p2", Color.MAGENTA, Color.WHITE));
        assertThat(concepts.notification()).containsText("Images replaced");
        assertThat(concepts.detailImages()).hasCount(2);
        concepts.closeDetail();
        assertThat(concepts.cell("plate")).isVisible();
        assertThat(concepts.cell("2")).isVisible();

        concepts.openDetail("<plate-b>").deleteOpenConcept();
        assertThat(concepts.cell("<plate-b>")).hasCount(0);
        concepts.search("");
        assertThat(concepts.cell("<cup-a>")).isVisible();
    }

    @Test
    void anInvalidNameIsRefusedInTheDialogAndNothingIsCreated() {
        signInAsNewTenantAdmin();
        ConceptsPage concepts = ConceptsPage.open(page(), browser.baseUrl());
        Path green = TestImages.png(images, "green", Color.GREEN, Color.BLACK);

        concepts.startNewConcept("Not A Valid Name!", "nope", green).submitNewConcept();

        assertThat(concepts.newConceptError()).containsText("identifier must look like <name>");
        assertThat(concepts.nameField()).hasAttribute("invalid", "");
        assertTrue(!concepts.newConceptError().textContent().contains("Exception"), "no stack trace or class name");
        concepts.cancelDialog();
        page().reload();
        page().locator("#concepts-grid").waitFor();
        assertThat(concepts.thumbnails()).hasCount(0);
        assertThat(page().locator("#concepts-grid vaadin-grid-cell-content").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("<"))).hasCount(0);
    }

    @Test
    void aTenantAdminCreatesAndDeletesAScenarioOfTheirConcepts() {
        signInAsNewTenantAdmin();
        ConceptsPage.open(page(), browser.baseUrl()).registerConcept("lina", "a colleague with red glasses",
                TestImages.png(images, "lina", Color.ORANGE, Color.DARK_GRAY));
        ScenariosPage scenarios = ScenariosPage.open(page(), browser.baseUrl());

        scenarios.createScenario("office", "<lina>");

        assertThat(scenarios.cell("office")).isVisible();
        assertThat(scenarios.cell("<lina>")).isVisible();

        scenarios.deleteFirstScenario();
        assertThat(scenarios.notification()).containsText("Scenario office deleted");
        assertThat(scenarios.cell("office")).hasCount(0);
    }

    @Test
    void aTenantAdminEditsTheConceptsOfAScenario() {
        signInAsNewTenantAdmin();
        ConceptsPage concepts = ConceptsPage.open(page(), browser.baseUrl());
        concepts.registerConcept("lina", "a colleague with red glasses",
                TestImages.png(images, "lina2", Color.ORANGE, Color.DARK_GRAY));
        concepts.registerConcept("omar", "a colleague with a green scarf",
                TestImages.png(images, "omar", Color.GREEN, Color.GRAY));
        ScenariosPage scenarios = ScenariosPage.open(page(), browser.baseUrl());
        scenarios.createScenario("office", "<lina>");
        assertThat(scenarios.cell("<lina>")).isVisible();

        scenarios.addConceptsToFirstScenario("<omar>");

        assertThat(scenarios.notification()).containsText("Concepts of office saved");
        assertThat(scenarios.cell("<lina> <omar>")).isVisible();
    }

    @Test
    void aTenantAdminCreatesAStaffUserAndAnApiKeyEachShownOnce() {
        signInAsNewTenantAdmin();
        UsersPage users = UsersPage.open(page(), browser.baseUrl());
        String staff = unique("staff");

        String password = users.createStaffUser(staff);
        String key = users.createApiKey("erp-system", "evaluations");

        assertTrue(password.length() >= 12);
        assertThat(users.userCell(staff)).isVisible();
        assertTrue(key.startsWith("seed_"), "API keys look like seed_...: " + key.substring(0, 5));
        assertThat(users.keyCell("erp-system")).isVisible();
        assertThat(users.keyCell("usable")).isVisible();
        assertEquals(0, page().locator("#once-secret").count(), "the secret is gone once its dialog closed");
        assertThat(page().locator("#api-keys-grid")).not().containsText(key);
        assertThat(users.keyCell("turns, concepts, evaluations")).isVisible();
        assertEquals(200, apiStatus(key, "api/v1/concepts"), "a scope the key has");
        assertEquals(403, apiStatus(key, "api/v1/dictionary/versions"), "a scope the key lacks");

        users.lookShot("users-tablet", 820, 1180);
        users.revokeFirstKey();
        assertThat(users.keyCell("revoked")).isVisible();
    }

    @Test
    void aTenantAdminCannotOpenThePlatformAdminsTenantsView() {
        signInAsNewTenantAdmin();
        page().navigate(browser.baseUrl() + "tenants");
        page().waitForURL(Pattern.compile(".*/$"));
        assertThat(page().locator("vaadin-notification-card").last()).containsText("PLATFORM_ADMIN");
    }

    /** The status of a GET with {@code key} as a partner system sends it. */
    private int apiStatus(String key, String path) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(browser.baseUrl() + path)).header("Authorization", "Bearer " + key).GET().build();
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
