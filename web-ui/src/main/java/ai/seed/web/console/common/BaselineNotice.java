package ai.seed.web.console.common;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Optional;

/**
 * The label shown next to a result a weight-free baseline produced (the baseline detector or
 * embedder instead of real models): what served it and where real models are configured, so
 * nobody mistakes a baseline's output for what the product does with its models.
 */
public final class BaselineNotice {

    private BaselineNotice() {
    }

    /** The notice for {@code baselines} (backend labels), or empty when none served; {@code id} may be null. */
    public static Optional<Div> of(String id, String what, List<String> baselines) {
        if (baselines == null || baselines.isEmpty()) {
            return Optional.empty();
        }
        Div notice = new Div(Badges.warning("baseline"), new Span(" " + what + " by a weight-free baseline, not a "
                + "trained model: " + String.join("; ", baselines) + ". "));
        notice.add(RouteLinks.to("models", "Real models are configured in the Models view (platform admins).",
                "baseline-models-link"));
        if (id != null) {
            notice.setId(id);
        }
        notice.addClassName("baseline-notice");
        notice.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return Optional.of(notice);
    }
}
