package ai.seed.web.console.chat;

import ai.seed.inference.pipeline.AdapterChoice;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.web.console.common.BaselineNotice;
import ai.seed.web.console.trace.TraceRows;
import ai.seed.web.console.trace.TraceTables;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import ai.seed.web.console.turns.TurnDetailView;
import java.util.Locale;

/**
 * One exchange on screen: the question (with its photo) on the right, the answer or error on the
 * left, and under the answer a "Why?" section with the adapter, the mode that ran, the refined
 * report and what reflection asked and changed.
 */
class ExchangeBubble extends VerticalLayout {

    ExchangeBubble(ChatExchange exchange) {
        setPadding(false);
        setSpacing(false);
        addClassName("chat-exchange");
        add(question(exchange));
        add(answer(exchange));
    }

    private static Component question(ChatExchange e) {
        Div bubble = bubble("var(--lumo-primary-color-10pct)");
        bubble.addClassName("chat-question");
        bubble.getStyle().set("align-self", "flex-end");
        if (e.imageDataUrl() != null) {
            Image img = new Image(e.imageDataUrl(), "the photo asked about");
            img.setMaxHeight("120px");
            img.getStyle().set("display", "block").set("margin-bottom", "var(--lumo-space-xs)");
            bubble.add(img);
        }
        bubble.add(new Span(e.question()));
        return bubble;
    }

    private static Component answer(ChatExchange e) {
        Div bubble = bubble(e.failed() ? "var(--lumo-error-color-10pct)" : "var(--lumo-contrast-5pct)");
        bubble.addClassName(e.failed() ? "chat-error" : "chat-answer");
        Paragraph text = new Paragraph(e.reply());
        text.getStyle().set("margin", "0").set("white-space", "pre-wrap");
        bubble.add(text);
        if (e.verificationNote() != null) {
            // The answer stands on the small model's report alone: say so next to it.
            Span note = new Span("Report " + e.verificationNote());
            note.addClassName("chat-unverified");
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            bubble.add(note);
        }
        if (!e.failed()) {
            BaselineNotice.of(null, "Answered with detection", e.baselines()).ifPresent(n -> {
                n.addClassName("chat-baseline");
                bubble.add(n);
            });
        }
        if (e.result() != null) {
            bubble.add(why(e.result()));
        }
        return bubble;
    }

    private static Details why(TurnResult r) {
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        Span facts = new Span(facts(r));
        facts.addClassName("why-facts");
        body.add(facts);
        body.add(TraceTables.report("Report after reflection", "why-report", TraceRows.report(r.finalReport())));
        body.add(TraceTables.questions("why-questions", TraceRows.questions(r.questions(), r.verdicts())));
        body.add(TraceTables.changes("why-changes", TraceRows.changes(r.changes())));
        if (r.turnId() != null) {
            RouterLink trace = new RouterLink("Open this turn in the inspector", TurnDetailView.class, r.turnId().toString());
            trace.addClassName("why-trace-link");
            body.add(trace);
        }
        Details details = new Details("Why?", body);
        details.addClassName("chat-why");
        details.setWidthFull();
        return details;
    }

    static String facts(TurnResult r) {
        AdapterChoice a = r.adapter();
        String adapter = a == null ? "none" : a.chosen()
                ? a.adapterRef() + (a.cosine() == null ? "" : String.format(Locale.ROOT, " (cosine %.3f)", a.cosine()))
                : "none (" + a.reason() + ")";
        if (a != null && a.servingNote() != null) {
            adapter += " [" + a.servingNote() + "]";
        } else if (a != null && a.chosen() && a.servedAs() != null && !a.servedAs().equals(a.adapterRef())) {
            adapter += " served as " + a.servedAs();
        }
        String mode = r.effectiveMode() == null ? "?" : r.effectiveMode().name();
        if (r.requestedMode() != null && r.requestedMode() != r.effectiveMode()) {
            mode += " (asked for " + r.requestedMode().name() + ")";
        }
        return "Mode " + mode + " · adapter " + adapter + " · " + r.smallCalls() + " small and " + r.largeCalls()
                + " large model call(s) · " + (r.promptTokens() + r.completionTokens()) + " tokens";
    }

    private static Div bubble(String background) {
        Div d = new Div();
        d.getStyle().set("background", background).set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("max-width", "min(52rem, 92%)")
                .set("margin", "var(--lumo-space-xs) 0").set("box-sizing", "border-box");
        return d;
    }
}
