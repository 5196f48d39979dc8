package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;

/** Page object for the tenant admin's users and API keys view. */
public class UsersPage extends ConsolePage {

    public UsersPage(Page page) {
        super(page);
    }

    public static UsersPage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "users", "users-grid");
        page.locator("#api-keys-grid").waitFor();
        return new UsersPage(page);
    }

    /** Creates a staff user and returns the generated password shown once. */
    public String createStaffUser(String username) {
        click("new-user");
        fill("user-username", username);
        click("create-user");
        return takeOnceSecret();
    }

    /** Issues an API key with the preselected scopes plus {@code extraScopes} and returns the key shown once. */
    public String createApiKey(String name, String... extraScopes) {
        click("new-api-key");
        fill("api-key-name", name);
        for (String scope : extraScopes) {
            page.locator("#api-key-scopes").getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions()
                    .setName(java.util.regex.Pattern.compile("^" + scope + ":"))).check();
        }
        click("create-api-key");
        return takeOnceSecret();
    }

    /** Revokes the (only) usable key and confirms. */
    public void revokeFirstKey() {
        page.locator("#api-keys-grid vaadin-button.revoke-api-key").first().click();
        confirm("Revoke");
    }

    public Locator userCell(String text) {
        return gridCell("users-grid", text);
    }

    public Locator keyCell(String text) {
        return gridCell("api-keys-grid", text);
    }
}
