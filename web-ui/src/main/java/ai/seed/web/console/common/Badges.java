package ai.seed.web.console.common;

import com.vaadin.flow.component.html.Span;

/**
 * Small status labels styled with Lumo variables inline (the pre-built bundle has no custom
 * theme, so no extra CSS files).
 */
public final class Badges {

    private Badges() {
    }

    /** A neutral badge. */
    public static Span neutral(String text) {
        return badge(text, "var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)");
    }

    /** A badge that draws attention (e.g. "baseline" backends, missing identity). */
    public static Span warning(String text) {
        return badge(text, "var(--lumo-warning-color-10pct, #fff4d6)", "var(--lumo-warning-text-color, #8a5a00)");
    }

    /** A badge for a good state. */
    public static Span success(String text) {
        return badge(text, "var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)");
    }

    /** A badge for a bad state. */
    public static Span error(String text) {
        return badge(text, "var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)");
    }

    private static Span badge(String text, String background, String color) {
        Span span = new Span(text);
        span.addClassName("seed-badge");
        span.getStyle().set("background", background).set("color", color)
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "0.1em 0.5em").set("font-size", "var(--lumo-font-size-s)")
                .set("margin-inline-start", "0.4em").set("white-space", "nowrap");
        return span;
    }
}
