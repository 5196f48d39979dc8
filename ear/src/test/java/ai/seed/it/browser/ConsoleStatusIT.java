package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.seed.it.SeedDeployments;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Vaadin console renders in a real browser and tells whether the node is ready. */
@ExtendWith(ArquillianExtension.class)
class ConsoleStatusIT {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SeedDeployments.realEar();
    }

    @Test
    void landingPageShowsThatTheDatabaseIsReady() {
        StatusPage status = StatusPage.open(browser.page(), browser.baseUrl());

        assertThat(status.schemaStatus()).hasText(Pattern.compile("Database ready: schema version \\d+"));
        assertEquals("Platform status", status.heading());
        assertEquals("Status | Seed", status.title());
    }
}
