package ai.seed.web.console.concepts;

import ai.seed.web.console.common.EmptyStates;
import ai.seed.inference.concepts.ConceptListing;
import ai.seed.inference.concepts.ConceptService;
import ai.seed.inference.concepts.ConceptView;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.common.Badges;
import ai.seed.web.console.common.Formats;
import ai.seed.web.console.common.RoleGate;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.stream.Stream;

/**
 * The tenant's concepts: a lazily paged grid with thumbnails, identity and embedding status, a
 * server-side search, "New concept", and a detail dialog (click or Enter on a row) to edit.
 */
@Route(value = "concepts", layout = MainLayout.class)
@PageTitle("Concepts | Seed")
public class ConceptsView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    ConceptService concepts;
    @Inject
    ConsoleCaller callers;

    private final Grid<ConceptView> grid = new Grid<>(ConceptView.class, false);
    private final TextField search = new TextField();
    private DataProvider<ConceptView, Void> provider;

    public ConceptsView() {
        setSizeFull();
        Button create = new Button("New concept", VaadinIcon.PLUS.create(), e -> openNew());
        create.setId("new-concept");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("concept-search");
        search.setPlaceholder("Search name or description");
        search.setAriaLabel("Search concepts");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout actions = new HorizontalLayout(search, create);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout header = new HorizontalLayout(new H2("Concepts"), actions);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.getStyle().set("flex-wrap", "wrap");
        configureGrid();
        add(header, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (RoleGate.allow(event, "TENANT_ADMIN") && provider == null) {
            provider = DataProvider.fromCallbacks(this::fetch, this::count);
            grid.setItems(provider);
        }
    }

    private void configureGrid() {
        grid.setId("concepts-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(25);
        grid.addComponentColumn(this::thumbnail).setHeader("Image").setWidth("80px").setFlexGrow(0);
        grid.addColumn(ConceptView::name).setHeader("Name").setWidth("10rem").setFlexGrow(2);
        grid.addComponentColumn(ConceptsView::category).setHeader("Category").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(c -> c.images().size()).setHeader("Images").setWidth("5.5rem").setFlexGrow(0);
        grid.addComponentColumn(ConceptsView::embedding).setHeader("Embedding").setWidth("12rem").setFlexGrow(3);
        grid.addColumn(c -> Formats.time(c.updatedAt(), "")).setHeader("Updated").setWidth("10.5rem").setFlexGrow(0);
        grid.setEmptyStateComponent(EmptyStates.withHint("concepts-empty", "No concepts (or none match the search).",
                "Register the first with \"New concept\": a name like <bo>, a sentence and a few photos."));
        grid.addItemClickListener(e -> openDetail(e.getItem()));
        grid.addCellFocusListener(e -> e.getItem().ifPresent(grid::select));
        grid.getElement().addEventListener("keydown", e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(this::openDetail)).setFilter("event.key === 'Enter'");
    }

    private Stream<ConceptView> fetch(Query<ConceptView, Void> query) {
        Caller caller = callers.current();
        return UiCalls.call(() -> concepts.list(caller, searchText(), query.getPage(), query.getPageSize()))
                .map(l -> l.items().stream()).orElseGet(Stream::empty);
    }

    private int count(Query<ConceptView, Void> query) {
        return UiCalls.call(() -> concepts.list(callers.current(), searchText(), 0, 1))
                .map(ConceptListing::total).map(Long::intValue).orElse(0);
    }

    private String searchText() {
        String s = search.getValue().strip();
        return s.isEmpty() ? null : s;
    }

    private Component thumbnail(ConceptView c) {
        return ConceptThumbnails.first(concepts, callers.current(), c, 48);
    }

    private static Component category(ConceptView c) {
        return c.identified() ? new Span(c.category()) : Badges.warning("not identified");
    }

    static Component embedding(ConceptView c) {
        Span id = new Span(c.embedderId() + " (" + c.embeddingDimension() + "d)");
        HorizontalLayout cell = new HorizontalLayout(id);
        cell.setSpacing(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.getStyle().set("flex-wrap", "wrap").set("row-gap", "0.2em");
        if (c.embedderId() != null && c.embedderId().contains("baseline")) {
            cell.add(Badges.warning("baseline"));
        }
        return cell;
    }

    void refresh() {
        if (provider != null) {
            provider.refreshAll();
        }
    }

    private void openNew() {
        new NewConceptDialog(concepts, callers, created -> refresh()).open();
    }

    private void openDetail(ConceptView concept) {
        new ConceptDetailDialog(concepts, callers, concept, this::refresh).open();
    }
}
