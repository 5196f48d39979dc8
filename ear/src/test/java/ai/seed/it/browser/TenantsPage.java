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
}
