package ai.seed.web.console.metaconcepts;

import ai.seed.inference.adapters.MetaConceptAdapterView;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The adapters of one version: which artifact stands behind each meta-concept (content hash,
 * rank, alpha, target modules, size) and whether the small-VLM server serves it, with why not
 * and since when.
 */
class AdapterServingGrid extends Grid<MetaConceptAdapterView> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    AdapterServingGrid(Consumer<MetaConceptAdapterView> upload, Consumer<MetaConceptAdapterView> issueKey) {
        setId("adapters-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(MetaConceptAdapterView::clusterIndex).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(MetaConceptAdapterView::adapterRef).setHeader("Served name").setAutoWidth(true);
        addColumn(AdapterServingGrid::artifact).setHeader("Artifact").setFlexGrow(1);
        addComponentColumn(AdapterServingGrid::state).setHeader("Serving").setFlexGrow(1);
        addComponentColumn(m -> new com.vaadin.flow.component.orderedlayout.HorizontalLayout(uploadButton(m, upload),
                keyButton(m, issueKey))).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    private static String artifact(MetaConceptAdapterView m) {
        if (m.artifact() == null) {
            return "none uploaded (a name only)";
        }
        var a = m.artifact();
        return "sha256 " + a.sha256().substring(0, 12) + "… · rank " + a.rank() + " · alpha "
                + String.format(Locale.ROOT, "%.0f", a.loraAlpha()) + " · " + String.join(", ", a.targetModules())
                + " · " + String.format(Locale.ROOT, "%.1f MiB", a.sizeBytes() / 1048576.0);
    }

    private static Span state(MetaConceptAdapterView m) {
        String text = m.state() + (m.reason() == null ? "" : ": " + m.reason())
                + (m.since() == null ? "" : " (since " + TIME.format(m.since()) + ")");
        Span span = new Span(text);
        span.addClassName("adapter-state");
        span.getElement().setAttribute("data-state", m.state());
        span.getElement().getThemeList().add("badge " + switch (m.state()) {
            case "SERVED" -> "success";
            case "FAILED", "MISSING" -> "error";
            default -> "contrast";
        });
        return span;
    }

    private static Button keyButton(MetaConceptAdapterView m, Consumer<MetaConceptAdapterView> issueKey) {
        Button b = new Button("Upload key", e -> issueKey.accept(m));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.addClassName("adapter-upload-key");
        b.getElement().setAttribute("title", "A key that may upload only this meta-concept's adapter (for a training job)");
        return b;
    }

    private static Button uploadButton(MetaConceptAdapterView m, Consumer<MetaConceptAdapterView> upload) {
        Button b = new Button(m.artifact() == null ? "Upload adapter" : "Replace", e -> upload.accept(m));
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        b.addClassName("adapter-upload");
        b.getElement().setAttribute("data-index", String.valueOf(m.clusterIndex()));
        return b;
    }
}
