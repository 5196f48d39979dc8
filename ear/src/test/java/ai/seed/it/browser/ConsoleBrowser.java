package ai.seed.it.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * A browser for test classes that also run code in the container (where Playwright is absent, so
 * such classes cannot hold Playwright types or register {@link BrowserSession}): opened and closed
 * by hand, with a full-page screenshot under target/screenshots unless {@link #passed()} was called.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("seed.chromium", "/usr/bin/chromium");

    private final String name;
    private final Playwright playwright;
    private final Browser browser;
    private final Page page;
    private boolean passed;

    private ConsoleBrowser(String name, int width, int height) {
        this.name = name;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)).newPage();
        page.setDefaultTimeout(30_000);
    }

    /** A 1280x800 browser; {@code name} names the failure screenshot. */
    public static ConsoleBrowser open(String name) {
        return new ConsoleBrowser(name, 1280, 800);
    }

    /** A tablet-sized (768x1024) browser. */
    public static ConsoleBrowser tablet(String name) {
        return new ConsoleBrowser(name, 768, 1024);
    }

    public Page page() {
        return page;
    }

    public String baseUrl() {
        return System.getProperty("seed.baseUrl", "http://127.0.0.1:8180/");
    }

    /** Signs in on the sign-in page and waits for the console. */
    public void signIn(String username, String password) {
        LoginPage.open(page, baseUrl()).signIn(username, password);
    }

    public ChatPage chat() {
        page.navigate(baseUrl() + "chat");
        return new ChatPage(page).waitUntilShown();
    }

    public TurnsPage turns() {
        page.navigate(baseUrl() + "turns");
        return new TurnsPage(page).waitUntilShown();
    }

    public MetaConceptsPage metaConcepts() {
        page.navigate(baseUrl() + "meta-concepts");
        return new MetaConceptsPage(page).waitUntilShown();
    }

    public DashboardPage dashboard() {
        page.navigate(baseUrl() + "dashboard");
        return new DashboardPage(page).waitUntilShown();
    }

    public ModelsPage models() {
        page.navigate(baseUrl() + "models");
        return new ModelsPage(page).waitUntilShown();
    }

    /** Saves a screenshot now (to look at how a view renders), under target/screenshots. */
    public Path screenshot(String suffix) {
        try {
            Path dir = Paths.get(System.getProperty("seed.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + suffix + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            return file;
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save screenshot: " + e);
            return null;
        }
    }

    /** Marks the test as passed: no failure screenshot on close. */
    public void passed() {
        passed = true;
    }

    @Override
    public void close() {
        try {
            if (!passed) {
                Path file = screenshot("-failure");
                System.err.println("failure screenshot: " + (file == null ? "none" : file.toAbsolutePath()));
            }
        } finally {
            browser.close();
            playwright.close();
        }
    }
}
