package ai.seed.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenantProvisioning;
import ai.seed.it.ItShared;
import ai.seed.it.pipeline.ItDatabase;
import com.microsoft.playwright.Page;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in that resists guessing, in a real browser: failed sign-ins earn a growing wait and then
 * a lockout that says so, during which even the right password is refused; a suspended tenant's
 * user is told why; "Sign out everywhere" ends the user's other session; and every sign-in,
 * success, failure and refusal, is in the audit trail with the address. The IT server runs with
 * {@code seed.sign-in.lockout-after=5} so that the lockout comes after seconds, not minutes.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInGuardBrowserIT {

    @Inject
    TenancyService tenancy;
    @Inject
    TenantProvisioning provisioning;
    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("sign-in-guard-it.war", SignInGuardBrowserIT.class);
    }

    @Test
    @Order(1)
    void setUpUsersOfAnActiveAndASuspendedTenant() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("sign-in-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "guard-" + run, "Guard IT");
        var suspended = tenancy.createTenant(platform, "guard-s-" + run, "Suspended IT");
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), "guess-" + run, "Guessed", Role.STAFF, password);
        tenancy.createUser(platform, tenant.id(), "twice-" + run, "Two Devices", Role.STAFF, password);
        tenancy.createUser(platform, suspended.id(), "paused-" + run, "Paused", Role.STAFF, password);
        provisioning.suspend(platform, suspended.id());
        ItShared.put("guard.run", run);
        ItShared.put("guard.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void wrongPasswordsEarnAGrowingWaitThenALockoutThatRefusesEvenTheRightOne() {
        String user = "guess-" + ItShared.get("guard.run");
        String password = ItShared.get("guard.password");
        try (ConsoleBrowser browser = ConsoleBrowser.open("SignInGuardBrowserIT-lockout")) {
            LoginPage login = LoginPage.open(browser.page(), browser.baseUrl());
            assertTrue(login.failWith(user, "wrong-1").contains("Wrong username or password"));
            assertTrue(login.failWith(user, "wrong-2").contains("Wrong username or password"));
            String third = login.failWith(user, "wrong-3");
            assertTrue(third.contains("Too many failed sign-ins") && third.contains("Wait 1 second"), third);
            browser.page().waitForTimeout(1_300);
            String fourth = login.failWith(user, "wrong-4");
            assertTrue(fourth.contains("Wait 2 seconds"), fourth);
            String rightTooSoon = login.failWith(user, password);
            assertTrue(rightTooSoon.contains("Too many failed sign-ins"), "the right password waits too: " + rightTooSoon);
            browser.page().waitForTimeout(2_300);
            String fifth = login.failWith(user, "wrong-5");
            assertTrue(fifth.contains("Account locked for now") && fifth.contains("locked from your network for 15 minutes"),
                    fifth);
            browser.screenshot("locked");
            String locked = login.failWith(user, password);
            assertTrue(locked.contains("Account locked for now"), "locked even with the right password: " + locked);
            assertTrue(login.isShown());
            browser.passed();
        }
    }

    @Test
    @Order(3)
    @RunAsClient
    void aSuspendedTenantsUserIsToldWhy() {
        try (ConsoleBrowser browser = ConsoleBrowser.open("SignInGuardBrowserIT-suspended")) {
            String notice = LoginPage.open(browser.page(), browser.baseUrl())
                    .failWith("paused-" + ItShared.get("guard.run"), ItShared.get("guard.password"));
            assertTrue(notice.contains("Access suspended") && notice.contains("suspended"), notice);
            browser.passed();
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void signOutEverywhereEndsTheOtherSessionToo() {
        String user = "twice-" + ItShared.get("guard.run");
        try (ConsoleBrowser browser = ConsoleBrowser.open("SignInGuardBrowserIT-everywhere")) {
            browser.signIn(user, ItShared.get("guard.password"));
            Page laptop = browser.page().context().browser().newContext().newPage();
            LoginPage.open(laptop, browser.baseUrl()).signIn(user, ItShared.get("guard.password"));
            assertTrue(ConsoleProbes.stillSignedIn(laptop, browser.baseUrl()), "the second session works");

            browser.page().locator("#sign-out-everywhere").click();
            browser.page().waitForURL(url -> url.contains("/login"));
            laptop.navigate(browser.baseUrl() + "turns");
            laptop.waitForURL(url -> url.contains("/login"));
            assertTrue(new LoginPage(laptop).isShown(), "the other session is signed out");
            LoginPage.open(browser.page(), browser.baseUrl()).signIn(user, ItShared.get("guard.password"));
            assertTrue(ConsoleProbes.stillSignedIn(browser.page(), browser.baseUrl()), "a new sign-in works");
            browser.passed();
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void aPlatformAdminResumesSuspendsAndDeletesATenantInTheConsole() {
        String slug = "guard-s-" + ItShared.get("guard.run");
        try (ConsoleBrowser browser = ConsoleBrowser.open("SignInGuardBrowserIT-tenants")) {
            browser.signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
            TenantsPage tenants = TenantsPage.open(browser.page(), browser.baseUrl());
            tenants.act("Resume", slug);
            tenants.action("Suspend", slug).waitFor();
            tenants.act("Suspend", slug);
            tenants.action("Delete", slug).waitFor();
            tenants.act("Delete", slug);
            tenants.notification().waitFor();
            assertTrue(tenants.notification().innerText().contains("Deleted " + slug), tenants.notification().innerText());
            assertTrue(tenants.notification().innerText().contains("users 1"), tenants.notification().innerText());
            tenants.action("Resume", slug).waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertTrue(tenants.newPlatformKey().isVisible(), "platform keys are issued here");
            browser.screenshot("tenants");
            browser.passed();
        }
    }

    @Test
    @Order(6)
    void everySignInIsAuditedWithItsAddress() throws Exception {
        String run = ItShared.get("guard.run");
        List<String> guessed = audit("guess-" + run);
        assertEquals(5, guessed.stream().filter(a -> a.startsWith("sign-in.failure")).count(), guessed.toString());
        assertTrue(guessed.stream().filter(a -> a.startsWith("sign-in.refused")).count() >= 2, guessed.toString());
        assertTrue(guessed.stream().allMatch(a -> a.contains("127.0.0.1")), guessed.toString());
        assertFalse(guessed.stream().anyMatch(a -> a.contains(ItShared.get("guard.password"))), "no password in the audit");
        assertTrue(audit("paused-" + run).stream().anyMatch(a -> a.startsWith("sign-in.refused") && a.contains("tenant-suspended")));
        List<String> admin = audit(ai.seed.it.browser.LoginPage.ADMIN);
        assertTrue(admin.stream().anyMatch(a -> a.startsWith("tenant.delete") && a.contains("guard-s-" + run)), admin.toString());
        List<String> twice = audit("twice-" + run);
        assertEquals(3, twice.stream().filter(a -> a.startsWith("sign-in.success")).count(), twice.toString());
        assertTrue(twice.stream().anyMatch(a -> a.startsWith("user.sign-out-everywhere")), twice.toString());
    }

    /** "action detail" of the user's audit rows, oldest first. */
    private List<String> audit(String actor) throws Exception {
        return ItDatabase.platformRows(dataSource,
                "SELECT action || ' ' || detail::text FROM audit_event WHERE actor = ? ORDER BY id", actor);
    }
}
