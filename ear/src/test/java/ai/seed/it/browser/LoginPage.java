package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the sign-in view (Vaadin LoginForm). */
public class LoginPage {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password-4711";

    private final Page page;

    public LoginPage(Page page) {
        this.page = page;
    }

    public static LoginPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "login");
        return new LoginPage(page);
    }

    public LoginPage fill(String username, String password) {
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        return this;
    }

    /** Signs in and waits for the console to load. */
    public StatusPage signIn(String username, String password) {
        fill(username, password);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForURL(url -> !url.contains("/login"));
        return new StatusPage(page);
    }

    public void submitExpectingError(String username, String password) {
        fill(username, password);
        page.locator("vaadin-login-form vaadin-button").first().click();
    }

    /**
     * Submits credentials that will be refused and returns the notice shown for this very try
     * (its title and message): the form is disabled while the server answers, then enabled again.
     */
    public String failWith(String username, String password) {
        fill(username, password);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.locator("vaadin-login-form:not([disabled])").waitFor();
        // The form's own notice comes first; the fields have error parts of their own.
        Locator notice = error().first();
        notice.waitFor();
        return notice.innerText();
    }

    public Locator error() {
        return page.locator("vaadin-login-form-wrapper [part='error-message']");
    }

    public boolean isShown() {
        return page.url().contains("/login") && page.locator("vaadin-login-form").isVisible();
    }
}
