package ai.seed.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.seed.domain.user.Role;
import ai.seed.inference.service.Caller;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.it.ItShared;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Console access control in a real browser: every route (read from the {@code @Route}
 * annotations of the console's source, so a new view is covered automatically) sends an anonymous
 * visitor to sign-in and a user without the role back to the status page; Vaadin refuses a UIDL
 * request whose CSRF token was forged (the click it carried has no effect); and signing in
 * changes the session id, also when an attacker planted one.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAccessBrowserIT {

    /** Which roles may open each route; the status page ("") is for every signed-in user. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of("PLATFORM_ADMIN", "TENANT_ADMIN", "STAFF")),
            Map.entry("chat", Set.of("TENANT_ADMIN", "STAFF")),
            Map.entry("concepts", Set.of("TENANT_ADMIN")),
            Map.entry("scenarios", Set.of("TENANT_ADMIN")),
            Map.entry("users", Set.of("TENANT_ADMIN")),
            Map.entry("dashboard", Set.of("TENANT_ADMIN")),
            Map.entry("evaluations", Set.of("TENANT_ADMIN")),
            Map.entry("turns", Set.of("TENANT_ADMIN", "STAFF")),
            Map.entry("meta-concepts", Set.of("TENANT_ADMIN", "PLATFORM_ADMIN")),
            Map.entry("tenants", Set.of("PLATFORM_ADMIN")),
            Map.entry("models", Set.of("PLATFORM_ADMIN")));
    private static final Pattern ROUTE = Pattern.compile("@Route\\((?:value\\s*=\\s*)?\"([^\"]*)\"");

    @Inject
    TenancyService tenancy;

    @Deployment
    static EnterpriseArchive deployment() {
        return BrowserDeployments.withFakes("console-access-it.war", ConsoleAccessBrowserIT.class);
    }

    @Test
    @Order(1)
    void setUpAStaffUser() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller platform = Caller.of("console-access-it", null, Role.PLATFORM_ADMIN);
        var tenant = tenancy.createTenant(platform, "access-" + run, "Access IT " + run);
        String password = "pw-" + UUID.randomUUID();
        tenancy.createUser(platform, tenant.id(), "staff-" + run, "Staff", Role.STAFF, password);
        ItShared.put("access-it.staff", "staff-" + run);
        ItShared.put("access-it.password", password);
    }

    @Test
    @Order(2)
    @RunAsClient
    void everyConsoleRouteIsInTheTable() throws IOException {
        assertEquals(new TreeSet<>(ALLOWED.keySet()), routesInSource(), "a console route without an access rule here");
    }

    @Test
    @Order(3)
    @RunAsClient
    void anonymousVisitorsOfEveryRouteAreSentToSignIn() {
        try (ConsoleBrowser browser = ConsoleBrowser.open("ConsoleAccessBrowserIT-anonymousVisitorsOfEveryRouteAreSentToSignIn")) {
            List<String> leaks = new ArrayList<>();
            for (String route : ALLOWED.keySet()) {
                browser.page().navigate(browser.baseUrl() + route);
                browser.page().waitForURL(Pattern.compile(".*/login$"));
                if (!new LoginPage(browser.page()).isShown()) {
                    leaks.add(route);
                }
            }
            assertTrue(leaks.isEmpty(), "shown without sign-in: " + leaks);
            browser.passed();
        }
    }

    @Test
    @Order(4)
    @RunAsClient
    void staffAreSentBackFromEveryRouteOutsideTheirRole() {
        try (ConsoleBrowser browser = ConsoleBrowser.open("ConsoleAccessBrowserIT-staffAreSentBackFromEveryRouteOutsideTheirRole")) {
            LoginPage.open(browser.page(), browser.baseUrl()).signIn(ItShared.get("access-it.staff"), ItShared.get("access-it.password"));
            List<String> leaks = new ArrayList<>();
            for (var e : ALLOWED.entrySet()) {
                browser.page().navigate(browser.baseUrl() + e.getKey());
                browser.page().waitForLoadState();
                browser.page().waitForTimeout(800);
                // A refused view forwards to the status page (the URL stays as typed).
                boolean stayed = e.getKey().isEmpty() || !ConsoleProbes.statusPageShown(browser.page());
                if (stayed != e.getValue().contains("STAFF")) {
                    leaks.add(e.getKey() + (stayed ? " was shown" : " was refused"));
                }
            }
            assertTrue(leaks.isEmpty(), "staff: " + leaks);
            browser.passed();
        }
    }

    @Test
    @Order(5)
    @RunAsClient
    void aUidlRequestWithAForgedCsrfTokenIsRefused() {
        try (ConsoleBrowser browser = ConsoleBrowser.open("ConsoleAccessBrowserIT-aUidlRequestWithAForgedCsrfTokenIsRefused")) {
            LoginPage.open(browser.page(), browser.baseUrl()).signIn(ItShared.get("access-it.staff"), ItShared.get("access-it.password"));
            assertTrue(ConsoleProbes.clickSignOutWithForgedCsrfToken(browser.page()) > 0, "no UIDL request was sent");
            assertTrue(ConsoleProbes.stillSignedIn(browser.page(), browser.baseUrl()), "the forged click signed the user out");
            browser.passed();
        }
    }

    @Test
    @Order(6)
    @RunAsClient
    void signingInChangesTheSessionIdEvenWhenOneWasPlanted() {
        try (ConsoleBrowser browser = ConsoleBrowser.open("ConsoleAccessBrowserIT-signingInChangesTheSessionIdEvenWhenOneWasPlanted")) {
            browser.page().navigate(browser.baseUrl() + "login");
            browser.page().waitForURL(Pattern.compile(".*/login$"));
            String before = ConsoleProbes.sessionId(browser.page());
            assertTrue(before != null, "the sign-in page has a session");
            LoginPage.open(browser.page(), browser.baseUrl()).signIn(ItShared.get("access-it.staff"), ItShared.get("access-it.password"));
            assertNotEquals(before, ConsoleProbes.sessionId(browser.page()), "the session id survived sign-in");
            // An attacker plants a session id of their choosing in the victim's browser before sign-in.
            assertNotEquals("planted-by-attacker", ConsoleProbes.sessionIdAfterSignInWithPlanted(browser.page(),
                    browser.baseUrl(), "planted-by-attacker", ItShared.get("access-it.staff"), ItShared.get("access-it.password")));
            browser.passed();
        }
    }

    @Test
    @Order(7)
    @RunAsClient
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        // Raw HTTP: the browser's cookie jar would report its own default for a missing attribute.
        java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        System.getProperty("seed.baseUrl", "http://127.0.0.1:8180/") + "login")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie on the sign-in page: " + r.headers()));
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertTrue(attributes.contains("httponly"), cookie);
    }

    /** Every {@code @Route} value in the console's source (the test runs in ear/, beside web-ui/). */
    private static Set<String> routesInSource() throws IOException {
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "web-ui", "src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ROUTE.matcher(Files.readString(f));
                while (m.find()) {
                    routes.add(m.group(1));
                }
            }
        }
        routes.remove("login");
        assertFalse(routes.isEmpty(), "no routes found under ../web-ui");
        return routes;
    }
}
