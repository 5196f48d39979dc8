package ai.seed.web.console.turns;

import ai.seed.inference.model.baseline.GridLocation;
import ai.seed.web.console.trace.TraceRows;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query image with the detected locations drawn on it: each concept that is present after
 * reflection gets a solid green box on the 3x3 grid cell of its "location-absolute"; a concept the
 * small model reported but reflection removed (or whose location it did not confirm) gets a dashed
 * red box. Locations outside the grid vocabulary are not drawn (the report table still lists them).
 */
class LocationOverlay extends Div {

    private static final String KEPT = "var(--lumo-success-color)";
    private static final String REMOVED = "var(--lumo-error-color)";

    LocationOverlay(Image image, List<TraceRows.ReportRow> before, List<TraceRows.ReportRow> after) {
        setId("turn-image-overlay");
        getStyle().set("position", "relative").set("display", "inline-block").set("max-width", "100%")
                .set("line-height", "0");
        image.setId("turn-image");
        image.getStyle().set("width", "480px").set("max-width", "100%").set("height", "auto").set("display", "block");
        add(image);
        for (TraceRows.ReportRow b : before) {
            if (!b.present()) {
                continue;
            }
            Optional<TraceRows.ReportRow> a = after.stream().filter(r -> r.concept().equals(b.concept())).findFirst();
            boolean kept = a.isEmpty() || a.get().present() && !a.get().locationAbsolute().isEmpty();
            String location = kept && a.isPresent() ? a.get().locationAbsolute() : b.locationAbsolute();
            String note = kept ? "" : a.isPresent() && a.get().present() ? " (location not confirmed)" : " (removed)";
            cell(location).ifPresent(cell -> add(box(b.concept(), location, cell, kept, note)));
        }
    }

    /** The grid cell of a location phrase such as "top-left quadrant". */
    static Optional<GridLocation> cell(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        String p = phrase.strip().toLowerCase(Locale.ROOT);
        for (GridLocation g : GridLocation.values()) {
            if (g.phrase().equals(p)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private static Div box(String concept, String location, GridLocation cell, boolean kept, String note) {
        int row = cell.ordinal() / 3;
        int col = cell.ordinal() % 3;
        String color = kept ? KEPT : REMOVED;
        Div box = new Div();
        box.addClassName("turn-location");
        box.addClassName(kept ? "kept" : "removed");
        box.getElement().setAttribute("title", concept + " at " + location + note);
        box.getStyle().set("position", "absolute").set("left", (col * 100.0 / 3) + "%").set("top", (row * 100.0 / 3) + "%")
                .set("width", "33.333%").set("height", "33.333%").set("box-sizing", "border-box")
                .set("border", "3px " + (kept ? "solid " : "dashed ") + color);
        Span label = new Span(concept + note);
        label.getStyle().set("background", color).set("color", "white").set("font-size", "var(--lumo-font-size-s)")
                .set("line-height", "1.4").set("padding", "0 4px").set("position", "absolute").set("left", "0")
                .set("top", "0");
        box.add(label);
        return box;
    }
}
