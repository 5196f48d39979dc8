import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Drives the Seed console with headless Debian Chromium (Playwright, no browser download), the one
 * console driver of the scripts: "login" signs in and prints the session cookie (JSESSIONID=...)
 * so a fault drill (scripts/faults/kill-during-retrain.sh) can call admin API operations with it;
 * for the two-node run (scripts/scale/two-nodes.sh) "sessions" reports session cookies per node
 * and through the load balancer, and "models" changes model settings on one node while watching
 * another. Prints key=value lines for the scripts to assert on. The user is SEED_ADMIN_USERNAME
 * (default admin), the password SEED_ADMIN_PASSWORD (never an argument: ps would show it).
 *
 *   java -cp PLAYWRIGHT_JARS ConsoleDriver.java login BASE_URL
 *   java -cp PLAYWRIGHT_JARS ConsoleDriver.java sessions NODE1_URL NODE2_URL LB_URL
 *   java -cp PLAYWRIGHT_JARS ConsoleDriver.java models NODE1_URL NODE2_URL LARGE_URL LARGE_MODEL
 */
public class ConsoleDriver {

    private static final String USER = System.getenv().getOrDefault("SEED_ADMIN_USERNAME", "admin");
    private static final String PASSWORD = System.getenv("SEED_ADMIN_PASSWORD");

    public static void main(String[] args) {
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get(System.getProperty("seed.chromium", "/usr/bin/chromium")))
                     .setHeadless(true))) {
            switch (args[0]) {
                case "login" -> System.out.println("JSESSIONID=" + sessionId(signIn(browser, slash(args[1]))));
                case "sessions" -> sessions(browser, args[1], args[2], args[3]);
                case "models" -> models(browser, args[1], args[2], args[3], args[4]);
                default -> throw new IllegalArgumentException("command must be login, sessions or models: " + args[0]);
            }
        }
    }

    private static String slash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static String sessionId(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID"))
                .findFirst().map(c -> c.value).orElse("");
    }

    /** A session on each node, and one through the load balancer that must stay on its node. */
    static void sessions(Browser browser, String node1, String node2, String lb) {
        System.out.println("cookie.node1=" + sessionId(signIn(browser, node1)));
        System.out.println("cookie.node2=" + sessionId(signIn(browser, node2)));
        Page viaLb = signIn(browser, lb);
        boolean stayed = true;
        for (String view : new String[] {"models", "turns", "concepts", "status", "models"}) {
            viaLb.navigate(lb + view);
            viaLb.waitForLoadState();
            stayed &= !viaLb.url().contains("/login");
        }
        System.out.println("cookie.lb=" + sessionId(viaLb));
        System.out.println("lb.stayed_signed_in=" + stayed);
    }

    /** Saves new large-VLM settings on node 1 and measures when node 2's console shows them. */
    static void models(Browser browser, String node1, String node2, String url, String model) {
        Page one = signIn(browser, node1);
        Page two = signIn(browser, node2);
        String label = model + " @ " + url;
        one.navigate(node1 + "models");
        one.locator("#models-large-url input").first().fill(url);
        one.locator("#models-large-model input").first().fill(model);
        one.locator("#models-save").click();
        one.locator("vaadin-notification-card").last().waitFor();
        long saved = System.nanoTime();
        System.out.println("models.node1_shows=" + one.locator("#model-backends").textContent().contains(label));
        System.out.println("models.node2_seen_ms=" + waitFor(two, node2, label, true, saved));
        two.locator("#models-reset").click();
        two.locator("vaadin-notification-card").last().waitFor();
        long reset = System.nanoTime();
        System.out.println("models.reset_on_node2_seen_on_node1_ms=" + waitFor(one, node1, label, false, reset));
    }

    /** Reloads the Models view until it does (or no longer does) show the label; -1 after 20 s. */
    static long waitFor(Page page, String base, String label, boolean shown, long since) {
        while (System.nanoTime() - since < 20_000_000_000L) {
            page.navigate(base + "models");
            page.locator("#model-backends").waitFor();
            if (page.locator("#model-backends").textContent().contains(label) == shown) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            page.waitForTimeout(200);
        }
        return -1;
    }

    static Page signIn(Browser browser, String base) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate(base + "login");
        page.locator("vaadin-login-form input[name='username']").fill(USER);
        page.locator("vaadin-login-form input[name='password']").fill(PASSWORD);
        page.locator("vaadin-login-form vaadin-button").first().click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }
}
