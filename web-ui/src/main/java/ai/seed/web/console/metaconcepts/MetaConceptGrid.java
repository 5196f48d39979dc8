package ai.seed.web.console.metaconcepts;

import ai.seed.inference.dictionary.VersionView;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.BiConsumer;

/**
 * The meta-concepts of one version: representative, members and the adapter reference, which is
 * edited in place (Enter or leaving the field saves; Escape restores).
 */
class MetaConceptGrid extends Grid<VersionView.MetaConceptView> {

    MetaConceptGrid(BiConsumer<VersionView.MetaConceptView, String> saveAdapter) {
        setId("meta-concepts-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(VersionView.MetaConceptView::clusterIndex).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        addColumn(VersionView.MetaConceptView::label).setHeader("Representative").setAutoWidth(true);
        addComponentColumn(m -> adapterField(m, saveAdapter)).setHeader("Adapter").setWidth("14rem").setFlexGrow(0);
        addColumn(VersionView.MetaConceptView::memberCount).setHeader("Members").setAutoWidth(true).setFlexGrow(0);
        addColumn(m -> String.join(", ", m.memberLabels())).setHeader("Member concepts").setFlexGrow(1);
    }

    private static TextField adapterField(VersionView.MetaConceptView m,
                                          BiConsumer<VersionView.MetaConceptView, String> save) {
        TextField field = new TextField();
        field.setValue(m.adapterRef() == null ? "" : m.adapterRef());
        field.setWidthFull();
        field.addClassName("adapter-field");
        field.setAriaLabel("Adapter of meta-concept " + m.clusterIndex());
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().strip().equals(m.adapterRef())) {
                save.accept(m, e.getValue().strip());
            }
        });
        field.getElement().addEventListener("keydown", e -> field.setValue(m.adapterRef() == null ? "" : m.adapterRef()))
                .setFilter("event.key === 'Escape'");
        return field;
    }
}
