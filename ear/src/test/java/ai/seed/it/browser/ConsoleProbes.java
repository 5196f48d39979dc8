package ai.seed.it.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client-side browser moves of {@link ConsoleAccessBrowserIT}, kept out of the test class because
 * that class is also deployed into the server, where Playwright's types do not exist.
 */
final class ConsoleProbes {

    private ConsoleProbes() {
    }

    /** Clicks sign-out with the UIDL request's CSRF token replaced; returns how many were forged. */
    // The click must find a rendered page: wait for the console before intercepting.
    static int clickSignOutWithForgedCsrfToken(Page page) {
        page.locator("#sign-out").waitFor();
        AtomicInteger forged = new AtomicInteger();
        page.route(url -> url.contains("v-r=uidl"), route -> forge(route, forged));
        page.locator("#sign-out").click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true)
                .setTimeout(10_000));
        page.waitForTimeout(1500);
        page.unroute(url -> true);
        return forged.get();
    }

    private static void forge(Route route, AtomicInteger forged) {
        String body = route.request().postData();
        // Only the click's request: forging Vaadin's other round trips would make it reload for ever.
        if (body != null && body.contains("\"csrfToken\"") && body.contains("\"event\":\"click\"")) {
            forged.incrementAndGet();
            route.resume(new Route.ResumeOptions().setPostData(
                    body.replaceFirst("\"csrfToken\":\"[^\"]*\"", "\"csrfToken\":\"" + UUID.randomUUID() + "\"")));
        } else {
            route.resume();
        }
    }

    /** Whether a new tab with the same cookies still reaches the console (not the sign-in page). */
    static boolean stillSignedIn(Page page, String baseUrl) {
        Page fresh = page.context().newPage();
        fresh.navigate(baseUrl);
        fresh.waitForLoadState();
        fresh.waitForTimeout(500);
        boolean signedIn = !fresh.url().endsWith("/login");
        fresh.close();
        return signedIn;
    }

    /** Whether the status page appears within 4 s (where a refused view forwards to). */
    static boolean statusPageShown(Page page) {
        try {
            page.locator("#schema-status").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(4_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError notThere) {
            return false;
        }
    }

    static String sessionId(Page page) {
        return sessionId(page.context());
    }

    /** Signs in from a fresh browser context whose session cookie an attacker planted; returns the id after. */
    static String sessionIdAfterSignInWithPlanted(Page page, String baseUrl, String planted, String user, String password) {
        BrowserContext victim = page.context().browser().newContext();
        try {
            victim.addCookies(List.of(new Cookie("JSESSIONID", planted).setUrl(baseUrl)));
            LoginPage.open(victim.newPage(), baseUrl).signIn(user, password);
            return sessionId(victim);
        } finally {
            victim.close();
        }
    }

    private static String sessionId(BrowserContext context) {
        for (Cookie c : context.cookies()) {
            if (c.name.equals("JSESSIONID")) {
                return c.value;
            }
        }
        return null;
    }
}
