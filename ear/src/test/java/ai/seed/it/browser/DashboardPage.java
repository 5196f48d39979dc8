package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the tenant admin's dashboard. */
public class DashboardPage {

    private final Page page;

    public DashboardPage(Page page) {
        this.page = page;
    }

    DashboardPage waitUntilShown() {
        assertThat(page.locator("#dashboard-summary")).isVisible();
        return this;
    }

    public Locator summary() {
        return page.locator("#dashboard-summary");
    }

    /** The natural width of a chart image once loaded (0 when it did not load). */
    public int chartWidth(String id) {
        Locator img = page.locator("#" + id);
        assertThat(img).isVisible();
        page.waitForFunction("id => { const i = document.getElementById(id); return i && i.complete; }", id);
        return ((Number) img.evaluate("i => i.naturalWidth")).intValue();
    }
}
