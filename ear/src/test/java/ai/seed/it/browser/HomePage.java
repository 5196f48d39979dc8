package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the console's home (status) page and its getting-started checklist. */
public class HomePage extends ConsolePage {

    public HomePage(Page page) {
        super(page);
    }

    public static HomePage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "", "getting-started");
        return new HomePage(page);
    }

    public Locator title() {
        return page.locator("#getting-started-title");
    }

    public Locator step(String id) {
        return page.locator("#step-" + id);
    }

    /** Whether the step shows as done (read from the page, as the user sees it). */
    public boolean done(String id) {
        return "true".equals(step(id).getAttribute("data-done"));
    }

    public Locator hint(String id) {
        return step(id).locator(".step-hint");
    }

    /** Follows the step's link to the view that does it; {@code readyId} shows once that view is there. */
    public void follow(String id, String readyId) {
        step(id).locator("a.step-link").click();
        page.locator("#" + readyId).waitFor();
    }

    public Locator complete() {
        return page.locator("#getting-started-complete");
    }

    /** Opens {@code route} and returns its empty state {@code emptyId} (why it is empty, the action that fills it). */
    public Locator emptyStateOf(String baseUrl, String route, String emptyId) {
        page.navigate(baseUrl + route);
        return page.locator("#" + emptyId);
    }
}
