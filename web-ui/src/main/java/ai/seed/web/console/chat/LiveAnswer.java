package ai.seed.web.console.chat;

import ai.seed.inference.model.TokenSink;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * The answer as the large VLM writes it: appears under the question with its first piece and grows
 * with each one, pushed to the browser. Pieces that arrive while a push is on its way are sent
 * together, so a fast model does not flood the connection. The finished exchange replaces it.
 */
final class LiveAnswer implements TokenSink {

    private final UI ui;
    private final VerticalLayout messages;
    private final String question;
    private final StringBuilder text = new StringBuilder();
    private boolean pushScheduled;
    private Div shown;
    private Paragraph body;

    LiveAnswer(UI ui, VerticalLayout messages, String question) {
        this.ui = ui;
        this.messages = messages;
        this.question = question;
    }

    @Override
    public void token(String piece) {
        synchronized (text) {
            text.append(piece);
            if (pushScheduled) {
                return;
            }
            pushScheduled = true;
        }
        ui.access(this::show);
    }

    private void show() {
        String sofar;
        synchronized (text) {
            sofar = text.toString();
            pushScheduled = false;
        }
        if (shown == null) {
            shown = new Div();
            shown.setId("chat-streaming");
            shown.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-l)")
                    .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0")
                    .set("max-width", "80%");
            Span asked = new Span(question);
            asked.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            body = new Paragraph();
            body.setId("chat-streaming-text");
            body.getStyle().set("margin", "0").set("white-space", "pre-wrap");
            shown.add(asked, body);
            messages.add(shown);
        }
        body.setText(sofar);
        shown.scrollIntoView();
    }

    /** Takes the growing answer off the screen (in the UI's lock), before the finished exchange is shown. */
    void remove() {
        if (shown != null) {
            messages.remove(shown);
            shown = null;
        }
    }
}
