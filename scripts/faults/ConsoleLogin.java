import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Paths;
import java.util.List;

/**
 * Signs in to the console in headless Chromium (Playwright, the machine's chromium) and prints the
 * session cookie, so a drill can call tenant-admin and platform-admin API operations (retrain) as
 * that user. Run with the Playwright jars on the class path (scripts/faults/kill-during-retrain.sh):
 * {@code java -cp ... ConsoleLogin.java http://127.0.0.1:8880/ user password}.
 */
public final class ConsoleLogin {

    public static void main(String[] args) {
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("seed.chromium", "/usr/bin/chromium")))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            page.navigate(base + "login");
            page.locator("vaadin-login-form input[name='username']").fill(args[1]);
            page.locator("vaadin-login-form input[name='password']").fill(args[2]);
            page.locator("vaadin-login-form vaadin-button").first().click();
            page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
            for (Cookie c : context.cookies()) {
                if (c.name.equals("JSESSIONID")) {
                    System.out.println(c.name + "=" + c.value);
                }
            }
            browser.close();
        }
    }
}
