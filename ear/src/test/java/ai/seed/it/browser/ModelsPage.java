package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the platform admin's model endpoints view. */
public class ModelsPage {

    private final Page page;

    public ModelsPage(Page page) {
        this.page = page;
    }

    ModelsPage waitUntilShown() {
        assertThat(page.locator("#model-backends")).isVisible();
        return this;
    }

    public Locator backends() {
        return page.locator("#model-backends");
    }

    public ModelsPage testConnection() {
        page.locator("#models-test").click();
        return this;
    }

    /** The health cells ("UP"/"DOWN") of the endpoints grid. */
    public Locator healthCells(String value) {
        return page.locator("#models-health vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^" + value + "$")));
    }
}
