package ai.seed.it.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Page object for the staff chat. */
public class ChatPage {

    private final Page page;

    public ChatPage(Page page) {
        this.page = page;
    }

    ChatPage waitUntilShown() {
        assertThat(page.locator("#chat-ask")).isVisible();
        return this;
    }

    /** Picks a photo through the upload's file input and waits for its preview. */
    public ChatPage attach(Path image) {
        page.locator("#chat-upload input[type=file]").setInputFiles(image);
        assertThat(page.locator("#chat-image-preview")).isVisible();
        return this;
    }

    /** Picks a file through the upload's file input without waiting for a preview (it may be refused). */
    public ChatPage choose(Path file) {
        page.locator("#chat-upload input[type=file]").setInputFiles(file);
        return this;
    }

    /**
     * Waits for the one notification that mentions {@code naming} (e.g. a refused file's name),
     * checks that no photo is attached, and returns the notification's text.
     */
    public String refusal(String naming) {
        Locator card = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(naming));
        assertThat(card).hasCount(1);
        assertThat(page.locator("#chat-image-preview")).isHidden();
        assertThat(page.locator("#chat-image-remove")).isHidden();
        return card.textContent();
    }

    /** Pastes a PNG into the question field as the clipboard would, and waits for its preview. */
    public ChatPage paste(byte[] png) {
        StringBuilder bytes = new StringBuilder();
        for (byte b : png) {
            bytes.append(b & 0xff).append(',');
        }
        page.locator("#chat-question textarea").evaluate("(t, bytes) => { const dt = new DataTransfer();"
                + " dt.items.add(new File([new Uint8Array(bytes.split(',').filter(x => x).map(Number))], 'pasted.png',"
                + " {type: 'image/png'})); t.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true,"
                + " composed: true, cancelable: true})); }", bytes.toString());
        assertThat(page.locator("#chat-image-preview")).isVisible();
        return this;
    }

    public ChatPage type(String question) {
        page.locator("#chat-question textarea").fill(question);
        return this;
    }

    public ChatPage ask() {
        page.locator("#chat-ask").click();
        return this;
    }

    public Locator question() {
        return page.locator("#chat-question");
    }

    public Locator answers() {
        return page.locator(".chat-answer");
    }

    /** The "baseline" labels next to answers a weight-free baseline helped produce. */
    public Locator baselineNotes() {
        return page.locator(".chat-baseline");
    }

    /** The answer while it is being written (gone once the exchange is finished). */
    public Locator streamingAnswer() {
        return page.locator("#chat-streaming-text");
    }

    public Locator errors() {
        return page.locator(".chat-error");
    }

    /** Waits for the n-th (1-based) reply, answer or error, and returns its text. */
    public String waitForReply(int n) {
        Locator replies = page.locator(".chat-answer, .chat-error");
        assertThat(replies).hasCount(n, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions()
                .setTimeout(60_000));
        assertThat(page.locator("#chat-progress")).isHidden();
        return replies.nth(n - 1).locator("p").first().textContent();
    }

    /** Opens the last answer's "Why?" section. */
    public ChatPage openWhy() {
        Locator why = page.locator(".chat-why").last();
        why.locator("vaadin-details-summary").click();
        assertThat(why.locator(".why-changes")).isVisible();
        return this;
    }

    /** The cells of the last "Why?" section's reflection questions, joined with " | ". */
    public String whyQuestions() {
        return String.join(" | ", page.locator(".chat-why").last().locator(".why-questions vaadin-grid-cell-content")
                .allInnerTexts());
    }

    /** The cells of the last "Why?" section's refined report, joined with " | ". */
    public String whyReport() {
        return String.join(" | ", page.locator(".chat-why").last().locator(".why-report vaadin-grid-cell-content")
                .allInnerTexts());
    }

    public Locator whyChanges() {
        return page.locator(".chat-why").last().locator(".why-changes");
    }

    public Locator whyFacts() {
        return page.locator(".chat-why").last().locator(".why-facts");
    }

    /** The words next to the Ask button while a turn runs (or waits for the node to take it). */
    public Locator progressText() {
        return page.locator("#chat-progress-text");
    }

    public Locator progress() {
        return page.locator("#chat-progress");
    }

    /** Closes the last answer's "Why?" section. */
    public ChatPage closeWhy() {
        Locator why = page.locator(".chat-why").last();
        why.locator("vaadin-details-summary").click();
        assertThat(why.locator(".why-changes")).isHidden();
        return this;
    }

    /** Follows the n-th (0-based) answer's link to the turn inspector (it sits in the answer's "Why?"). */
    public TurnDetailPage openTrace(int n) {
        Locator why = page.locator(".chat-why").nth(n);
        if (!why.locator(".why-trace-link").isVisible()) {
            why.locator("vaadin-details-summary").click();
        }
        why.locator(".why-trace-link").click();
        return new TurnDetailPage(page).waitUntilShown();
    }

    /** Inserts a concept with the {@code <} helper. */
    public ChatPage insertConcept(String name) {
        page.locator("#chat-question textarea").press("<");
        Locator combo = page.locator("#chat-concept input");
        assertThat(combo).isFocused();
        combo.fill(name);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(name)).first().click();
        return this;
    }
}
