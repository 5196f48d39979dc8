package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the turn inspector's list. */
public class TurnsPage {

    private final Page page;

    public TurnsPage(Page page) {
        this.page = page;
    }

    TurnsPage waitUntilShown() {
        assertThat(page.locator("#turns-grid")).isVisible();
        return this;
    }

    public Locator count() {
        return page.locator("#turns-count");
    }

    public TurnsPage onlyChangedByReflection() {
        page.locator("#turns-changed").click();
        return this;
    }

    public TurnsPage user(String part) {
        page.locator("#turns-user input").fill(part);
        page.locator("#turns-user input").press("Enter");
        return this;
    }

    /** Clicks the row whose question contains {@code text}. */
    public TurnDetailPage open(String text) {
        page.locator("#turns-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text))
                .first().click();
        return new TurnDetailPage(page).waitUntilShown();
    }
}
