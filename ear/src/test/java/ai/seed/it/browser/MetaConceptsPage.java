package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Page object for the meta-concept dictionary view. */
public class MetaConceptsPage {

    private final Page page;

    public MetaConceptsPage(Page page) {
        this.page = page;
    }

    MetaConceptsPage waitUntilShown() {
        assertThat(page.locator("#versions-grid")).isVisible();
        return this;
    }

    /** Retrains with {@code k} on the default source and waits until the job has ended; returns its status text. */
    public String retrain(int k) {
        page.locator("#retrain").click();
        page.locator("#retrain-k input").fill(String.valueOf(k));
        page.locator("#retrain-start").click();
        Locator status = page.locator("#retrain-status");
        assertThat(status).containsText(java.util.regex.Pattern.compile("Done|Failed|Cancelled"),
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        String text = status.textContent();
        page.locator("#retrain-close").click();
        return text;
    }

    /** Activates the selected version, confirming the dialog. */
    public MetaConceptsPage activate() {
        page.locator("#activate").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], vaadin-confirm-dialog vaadin-button[slot='confirm-button']")
                .first().click();
        return this;
    }

    /**
     * Activates the selected version whose adapters the small-VLM server does not serve: the
     * refusal names what is missing ({@link #refusal}), then "Activate anyway" goes ahead.
     */
    public String activateAnyway() {
        page.locator("#activate").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], vaadin-confirm-dialog vaadin-button[slot='confirm-button']")
                .first().click();
        Locator why = page.locator("#activate-anyway-text");
        assertThat(why).containsText("does not serve");
        String refusal = why.textContent();
        page.locator("vaadin-button[slot='confirm-button']")
                .filter(new Locator.FilterOptions().setHasText("Activate anyway")).first().click();
        return refusal;
    }

    /** The serving-state badge of meta-concept {@code index} in the adapters grid. */
    public Locator adapterState(int index) {
        return page.locator("#adapters-grid .adapter-state").nth(index);
    }

    /** Uploads a zip as meta-concept {@code index}'s adapter; returns the dialog's status text when refused. */
    public MetaConceptsPage uploadAdapter(int index, java.nio.file.Path zip) {
        page.locator("#adapters-grid .adapter-upload[data-index='" + index + "']").click();
        page.locator("#adapter-upload-file input[type=file]").setInputFiles(zip);
        assertThat(page.locator("#adapter-upload-file vaadin-upload-file[complete]").first()).isAttached();
        page.locator("#adapter-upload-start").click();
        return this;
    }

    public MetaConceptsPage closeUploadDialog() {
        page.locator("vaadin-dialog-overlay vaadin-button").filter(new Locator.FilterOptions().setHasText("Close"))
                .first().click();
        return this;
    }

    /** The artifact column's text of meta-concept {@code index} (hash, rank, alpha, modules, size). */
    public Locator adapterArtifact(int index) {
        return page.locator("#adapters-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText("sha256")).nth(index);
    }

    public Locator uploadStatus() {
        return page.locator("#adapter-upload-status");
    }

    public MetaConceptsPage checkServing() {
        page.locator("#check-serving").click();
        return this;
    }

    /** The first cell of the versions grid with this text. */
    public Locator versionCell(String text) {
        return page.locator("#versions-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    /** The first cell of the meta-concepts grid with this text. */
    public Locator metaConceptCell(String text) {
        return page.locator("#meta-concepts-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    /** Types a new adapter reference for the first meta-concept and saves it with Enter. */
    public MetaConceptsPage changeFirstAdapter(String adapter) {
        Locator field = page.locator("#meta-concepts-grid .adapter-field input").first();
        field.fill(adapter);
        field.press("Enter");
        return this;
    }

    public Locator firstAdapter() {
        return page.locator("#meta-concepts-grid .adapter-field input").first();
    }

    /** Asks to roll back and confirms. */
    public MetaConceptsPage rollBack() {
        page.locator("#rollback").click();
        page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot='confirm-button'], vaadin-confirm-dialog vaadin-button[slot='confirm-button']")
                .first().click();
        return this;
    }

    /** The text of the notifications on screen. */
    public Locator notifications() {
        return page.locator("vaadin-notification-card");
    }

    /** The natural width of the concept map image once loaded (0 when it did not load). */
    public int mapWidth() {
        Locator img = page.locator("#concept-map-image");
        assertThat(img).isVisible();
        page.waitForFunction("() => { const i = document.getElementById('concept-map-image'); return i && i.complete; }");
        return ((Number) img.evaluate("i => i.naturalWidth")).intValue();
    }

    public Locator comparison() {
        return page.locator("#version-comparison");
    }

    public Locator activateButton() {
        return page.locator("#activate");
    }
}
