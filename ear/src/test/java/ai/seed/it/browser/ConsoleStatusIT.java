package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.it.SeedDeployments;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in to the console in a real browser, and what an anonymous visitor gets. */
@ExtendWith(ArquillianExtension.class)
class ConsoleStatusIT {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SeedDeployments.realEar();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        browser.page().navigate(browser.baseUrl());
        browser.page().waitForURL(Pattern.compile(".*/login$"));
        assertTrue(new LoginPage(browser.page()).isShown());
    }

    @Test
    void theFirstPlatformAdminSignsInAndSeesThatTheDatabaseIsReady() {
        StatusPage status = LoginPage.open(browser.page(), browser.baseUrl())
                .signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);

        assertThat(status.schemaStatus()).hasText(Pattern.compile("Database ready: schema version \\d+"));
        assertEquals("Platform status", status.heading());
        assertThat(browser.page().locator("#signed-in-user")).hasText(LoginPage.ADMIN);

        browser.page().locator("#sign-out").click();
        browser.page().waitForURL(Pattern.compile(".*/login$"));
        browser.page().navigate(browser.baseUrl());
        browser.page().waitForURL(Pattern.compile(".*/login$"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        LoginPage login = LoginPage.open(browser.page(), browser.baseUrl());
        login.submitExpectingError(LoginPage.ADMIN, "not-the-password-at-all");
        assertThat(browser.page().locator("vaadin-login-form")).hasAttribute("error", "");
        assertTrue(login.isShown());
    }
}
