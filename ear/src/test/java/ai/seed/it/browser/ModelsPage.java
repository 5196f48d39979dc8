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

    private void fill(String id, String value) {
        page.locator("#" + id + " input").first().fill(value);
    }

    /** Fills the large VLM URL and model and saves. */
    public ModelsPage saveLargeVlm(String url, String model) {
        fill("models-large-url", url);
        fill("models-large-model", model);
        page.locator("#models-save").click();
        return this;
    }

    public ModelsPage reset() {
        page.locator("#models-reset").click();
        return this;
    }

    public Locator largeUrl() {
        return page.locator("#models-large-url");
    }

    public Locator largeKey() {
        return page.locator("#models-large-key");
    }

    public Locator settingsError() {
        return page.locator("#models-settings-error");
    }

    public Locator settingsNote() {
        return page.locator("#models-settings-note");
    }

    /** The detail cells of the endpoints grid that contain {@code text}. */
    public Locator healthDetail(String text) {
        return page.locator("#models-health vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(text));
    }

    public Locator notification() {
        return page.locator("vaadin-notification-card").last();
    }
}
