package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

/** Page object for the Evaluations view: datasets, runs, the comparison and one run's detail. */
public class EvaluationsPage extends ConsolePage {

    public EvaluationsPage(Page page) {
        super(page);
    }

    public static EvaluationsPage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "evaluations", "eval-runs");
        return new EvaluationsPage(page);
    }

    public Locator datasetCell(String text) {
        return gridCell("eval-datasets", text);
    }

    public Locator runCell(String text) {
        return gridCell("eval-runs", text);
    }

    /** Ticks the {@code index}-th run (newest first) for the comparison. */
    public EvaluationsPage tickRun(int index) {
        page.locator("#eval-runs vaadin-checkbox").filter(new Locator.FilterOptions().setVisible(true)).nth(index).click();
        return this;
    }

    public Locator comparisonCell(String text) {
        return gridCell("eval-comparison", text);
    }

    /** Waits until the chart image has loaded; returns it. */
    public Locator chart() {
        Locator image = page.locator("#eval-chart-image");
        image.waitFor();
        page.waitForFunction("() => { const i = document.querySelector('#eval-chart-image');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        return image;
    }

    public Locator perConceptCell(String text) {
        return gridCell("eval-per-concept", text);
    }

    public Locator reflection() {
        return page.locator("#eval-reflection");
    }

    /** Follows the first result's link into the turn inspector. */
    public TurnDetailPage openFirstTrace() {
        page.locator("#eval-results a").filter(new Locator.FilterOptions().setHasText("trace")).first().click();
        page.waitForURL(url -> url.contains("/turns/"));
        return new TurnDetailPage(page);
    }

    /** Starts a run of the first dataset in the given mode (its label in the dialog) under {@code label}. */
    public EvaluationsPage startRun(String modeLabel, String label) {
        click("eval-start");
        click("eval-run-mode");
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(modeLabel)).first().click();
        fill("eval-run-label", label);
        click("eval-run-start");
        return this;
    }

    /** Waits (progress is pushed, no reload) until {@code count} runs show {@code status}. */
    public EvaluationsPage waitForRunsWithStatus(String status, int count) {
        Locator cells = page.locator("#eval-runs vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^\\s*" + status + "\\s*$")))
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(cells).hasCount(count, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        return this;
    }
}
