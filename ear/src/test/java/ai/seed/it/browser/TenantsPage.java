package ai.seed.it.browser;

import com.microsoft.playwright.Page;

/** Page object for the platform admin's tenants view. */
public class TenantsPage extends ConsolePage {

    public TenantsPage(Page page) {
        super(page);
    }

    public static TenantsPage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "tenants", "tenants-grid");
        return new TenantsPage(page);
    }

    /** Creates a tenant with its first admin and returns the password the dialog showed once. */
    public String createTenant(String slug, String name, String adminUsername) {
        click("new-tenant");
        fill("tenant-slug", slug);
        fill("tenant-name", name);
        fill("tenant-admin-username", adminUsername);
        click("create-tenant");
        return takeOnceSecret();
    }

    /** Fills and submits the dialog, expecting a refusal; the dialog stays open. */
    public void submitTenantExpectingError(String slug, String name, String adminUsername) {
        click("new-tenant");
        fill("tenant-slug", slug);
        fill("tenant-name", name);
        fill("tenant-admin-username", adminUsername);
        click("create-tenant");
    }

    public com.microsoft.playwright.Locator dialogError() {
        return page.locator("#new-tenant-error");
    }

    /** A tenant row's action button ("Suspend", "Resume", "Delete"), found by its accessible name. */
    public com.microsoft.playwright.Locator action(String action, String slug) {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName(action + " tenant " + slug).setExact(true))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setVisible(true)).first();
    }

    /** Clicks a row action and, for Suspend and Delete, confirms it. */
    public void act(String action, String slug) {
        action(action, slug).click();
        if (!action.equals("Resume")) {
            confirm(action);
        }
    }

    public com.microsoft.playwright.Locator newPlatformKey() {
        return page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("New platform key"));
    }
}
