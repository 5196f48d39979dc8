package ai.seed.web.console.common;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * What an empty grid or view shows: why it is empty and the one action that fills it, as a link
 * to the view that does it (or the name of the button on this page).
 */
public final class EmptyStates {

    private EmptyStates() {
    }

    /** {@code why}, then a link to {@code route} reading {@code action}. */
    public static Div withLink(String id, String why, String action, String route) {
        Div empty = base(id, why);
        empty.add(new Span(" "), RouteLinks.to(route, action, "empty-state-action"));
        return empty;
    }

    /** {@code why} and what to press on this page. */
    public static Div withHint(String id, String why, String hint) {
        Div empty = base(id, why);
        Span action = new Span(" " + hint);
        action.addClassName("empty-state-action");
        empty.add(action);
        return empty;
    }

    private static Div base(String id, String why) {
        Div empty = new Div(new Span(why));
        empty.setId(id);
        empty.addClassName("seed-empty-state");
        empty.getStyle().set("padding", "var(--lumo-space-m)").set("color", "var(--lumo-secondary-text-color)");
        return empty;
    }
}
