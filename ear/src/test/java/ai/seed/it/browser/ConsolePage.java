package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/**
 * Shared helpers of the console page objects: Vaadin fields and buttons by id, notifications,
 * the once-shown secret dialog, sign-out. Playwright's CSS pierces the components' shadow roots.
 */
public abstract class ConsolePage {

    protected final Page page;

    protected ConsolePage(Page page) {
        this.page = page;
    }

    /** Navigates to {@code route} under the base URL and waits for {@code readyId} to show. */
    protected static void navigate(Page page, String baseUrl, String route, String readyId) {
        page.navigate(baseUrl + route);
        page.locator("#" + readyId).waitFor();
    }

    protected void fill(String id, String value) {
        Locator input = page.locator("#" + id + " input, #" + id + " textarea").first();
        input.fill(value);
    }

    protected void click(String id) {
        page.locator("#" + id).click();
    }

    /** The text of the newest notification card (success or error). */
    public Locator notification() {
        return page.locator("vaadin-notification-card").last();
    }

    /** The secret shown once (password or API key), read from its dialog, which is then closed. */
    public String takeOnceSecret() {
        Locator field = page.locator("#once-secret input");
        field.waitFor();
        String secret = field.inputValue();
        click("once-secret-done");
        field.waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        return secret;
    }

    /** The first visible cell of a grid whose whole text is {@code text}. */
    public Locator gridCell(String gridId, String text) {
        return page.locator("#" + gridId + " vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*" + jsQuote(text) + "\\s*$")))
                .filter(new Locator.FilterOptions().setVisible(true)).first(); // the grid keeps stale rows hidden
    }

    /** Escapes regex metacharacters the JavaScript way (no Java-only quoting). */
    private static String jsQuote(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    public Locator signedInUser() {
        return page.locator("#signed-in-user");
    }

    public Locator signedInTenant() {
        return page.locator("#signed-in-tenant");
    }

    /** Signs out and waits for the sign-in view. */
    public LoginPage signOut() {
        page.locator("#sign-out").click();
        page.waitForURL(Pattern.compile(".*/login$"));
        return new LoginPage(page);
    }

    /** Confirms the open ConfirmDialog. */
    protected void confirm(String label) {
        page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(label)).click();
    }

    /** Saves a look-check screenshot at the given viewport under target/screenshots. */
    public void lookShot(String name, int width, int height) {
        page.setViewportSize(width, height);
        java.nio.file.Path dir = java.nio.file.Paths.get(System.getProperty("seed.screenshots", "target/screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("look-" + name + ".png")));
    }
}
