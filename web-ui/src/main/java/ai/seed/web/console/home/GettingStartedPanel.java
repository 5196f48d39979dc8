package ai.seed.web.console.home;

import ai.seed.inference.onboarding.GettingStarted.Checklist;
import ai.seed.inference.onboarding.GettingStarted.Step;
import ai.seed.web.console.common.RouteLinks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

/**
 * A getting-started checklist: each step with its state (done or to do), a link to the view
 * that does it and what to do. The steps come from the real state, so there is nothing to tick.
 */
public class GettingStartedPanel extends Div {

    public GettingStartedPanel(Checklist checklist) {
        setId("getting-started");
        getStyle().set("max-width", "48rem");
        H3 title = new H3(checklist.title() + " (" + checklist.doneCount() + " of " + checklist.steps().size()
                + " done)");
        title.setId("getting-started-title");
        add(title);
        if (checklist.complete()) {
            Span all = new Span("All first steps are done. The Status page keeps this list for reference.");
            all.setId("getting-started-complete");
            add(all);
        }
        OrderedList steps = new OrderedList();
        steps.getStyle().set("padding-inline-start", "1.2em");
        checklist.steps().forEach(step -> steps.add(item(step)));
        add(steps);
    }

    private static ListItem item(Step step) {
        Span mark = new Span(step.done() ? "\u2713 done" : "to do");
        mark.addClassName("step-state");
        mark.getStyle().set("font-weight", "600").set("margin-inline-end", "0.5em")
                .set("color", step.done() ? "var(--lumo-success-text-color)" : "var(--lumo-secondary-text-color)");
        Component name = step.route() == null ? new Span(step.title())
                : RouteLinks.to(step.route(), step.title(), "step-link");
        Div hint = new Div(step.hint());
        hint.addClassName("step-hint");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        ListItem item = new ListItem(mark, name, hint);
        item.setId("step-" + step.id());
        item.getElement().setAttribute("data-done", String.valueOf(step.done()));
        item.getStyle().set("margin-bottom", "0.6em");
        return item;
    }
}
