package ai.seed.it.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Debian Chromium driven by Playwright (no browser download: the machine's chromium),
 * a fresh context per test, and a full-page screenshot under target/screenshots on failure.
 */
public class BrowserSession implements BeforeEachCallback, AfterEachCallback {

    private static final String CHROMIUM = System.getProperty("seed.chromium", "/usr/bin/chromium");

    private Playwright playwright;
    private Browser browser;
    private Page page;

    public Page page() {
        return page;
    }

    public String baseUrl() {
        return System.getProperty("seed.baseUrl", "http://127.0.0.1:8180/");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(CHROMIUM))
                .setHeadless(true)
                // No background traffic: this machine has no network beyond loopback.
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(30_000);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (context.getExecutionException().isPresent() && page != null) {
                screenshot(context);
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    private void screenshot(ExtensionContext context) {
        try {
            Path dir = Paths.get(System.getProperty("seed.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png";
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(true));
            System.err.println("failure screenshot: " + dir.resolve(name).toAbsolutePath());
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("could not save failure screenshot: " + e);
        }
    }
}
