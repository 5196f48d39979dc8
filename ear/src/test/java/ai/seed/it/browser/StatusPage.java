package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the console's landing page (the status view). */
public class StatusPage {

    private final Page page;

    public StatusPage(Page page) {
        this.page = page;
    }

    public static StatusPage open(Page page, String baseUrl) {
        page.navigate(baseUrl);
        return new StatusPage(page);
    }

    public String heading() {
        return page.locator("h2").first().textContent();
    }

    public Locator schemaStatus() {
        return page.locator("#schema-status");
    }

    public String title() {
        return page.title();
    }
}
