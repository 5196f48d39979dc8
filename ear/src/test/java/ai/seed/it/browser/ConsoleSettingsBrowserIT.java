package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.it.SeedDeployments;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform admin edits the model endpoints in the console (stored, applied to every node), tests the connection and resets to the configuration; and the header at
 * tablet width.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleSettingsBrowserIT {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SeedDeployments.realEar();
    }

    private Page page() {
        return browser.page();
    }

    private ModelsPage openModels() {
        LoginPage.open(page(), browser.baseUrl()).signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
        page().navigate(browser.baseUrl() + "models");
        return new ModelsPage(page()).waitUntilShown();
    }

    @Test
    void aPlatformAdminPointsTheLargeVlmAtAnUnreachableServerTestsItAndResets() {
        ModelsPage models = openModels();
        assertThat(models.settingsNote()).containsText("apply to every server node");
        assertThat(models.largeKey()).containsText(Pattern.compile("API key (set|not set)"));
        try {
            models.saveLargeVlm("http://127.0.0.1:9/v1", "gpt-x");

            assertThat(models.notification()).containsText("applied");
            assertThat(models.backends()).containsText("gpt-x @ http://127.0.0.1:9/v1");
            models.testConnection();
            assertThat(models.healthCells("DOWN").first()).isVisible();
            assertThat(models.healthDetail("is unreachable").first()).isVisible();
            assertThat(models.healthDetail("127.0.0.1:9").first()).isVisible();
        } finally {
            models.reset();
        }
        assertThat(models.notification()).containsText("reset");
        assertThat(models.backends()).not().containsText("gpt-x");
        assertThat(models.largeUrl().locator("input")).not().hasValue("http://127.0.0.1:9/v1");
    }

    @Test
    void anInvalidUrlIsRefusedWithAClearMessageAndNothingChanges() {
        ModelsPage models = openModels();

        models.saveLargeVlm("ftp://x", "gpt-y");

        assertThat(models.settingsError()).containsText("absolute http:// or https:// URL");
        assertThat(models.largeUrl()).hasAttribute("invalid", "");
        assertThat(models.backends()).not().containsText("gpt-y");
    }

    @Test
    void atTabletWidthTheHeaderStaysOnOneLineWithTheDrawerClosed() {
        page().setViewportSize(820, 1180);
        openModels();
        assertThat(page().locator(".seed-subtitle")).isHidden();
        assertThat(page().locator("vaadin-app-layout")).not().hasAttribute("drawer-opened", "");
        double height = ((Number) page().evaluate(
                "() => document.querySelector('#sign-out').closest('vaadin-horizontal-layout')"
                        + ".parentElement.getBoundingClientRect().height")).doubleValue();
        page().waitForTimeout(600); // the drawer's closing transition, so the look-check shot is settled
        new ConsolePage(page()) { }.lookShot("models-tablet-820x1180", 820, 1180);
        assertTrue(height < 80, "the header is one line at 820px, not " + height + "px");
    }
}
