package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for one turn in the inspector. */
public class TurnDetailPage {

    private final Page page;

    public TurnDetailPage(Page page) {
        this.page = page;
    }

    TurnDetailPage waitUntilShown() {
        assertThat(page.locator("#turn-summary")).isVisible();
        return this;
    }

    /** The label saying which weight-free baselines served the turn (absent when real models did). */
    public Locator baseline() {
        return page.locator("#turn-baseline");
    }

    public Locator summary() {
        return page.locator("#turn-summary");
    }

    public Locator keptLocations() {
        return page.locator(".turn-location.kept");
    }

    public Locator image() {
        return page.locator("#turn-image");
    }

    public Locator rawOutput() {
        return page.locator("#turn-raw-output");
    }

    public String questions() {
        return String.join(" | ", page.locator(".turn-questions vaadin-grid-cell-content").allInnerTexts());
    }

    public Locator changes() {
        return page.locator(".turn-changes");
    }

    public Locator answer() {
        return page.locator("#turn-answer");
    }

    public Locator calls() {
        return page.locator("#turn-calls");
    }
}
