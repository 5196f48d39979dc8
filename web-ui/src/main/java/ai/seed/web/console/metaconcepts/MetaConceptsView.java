package ai.seed.web.console.metaconcepts;

import ai.seed.domain.user.Role;
import ai.seed.web.console.common.RoleGate;
import ai.seed.inference.dictionary.DictionaryService;
import ai.seed.inference.dictionary.VersionView;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import ai.seed.inference.dictionary.DictionaryMap;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.server.StreamResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The meta-concept dictionary: its versions, the meta-concepts of the selected one (adapters
 * editable), how it differs from the active version, "Retrain clusters", activate and roll back.
 * Tenant admins manage their tenant's dictionary; platform admins the platform's.
 */
@Route(value = "meta-concepts", layout = MainLayout.class)
@PageTitle("Meta-concepts | Seed")
public class MetaConceptsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    DictionaryService dictionary;
    @Inject
    DictionaryMap dictionaryMap;
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private final Grid<VersionView> versions = new Grid<>();
    private final MetaConceptGrid metaConcepts = new MetaConceptGrid(this::saveAdapter);
    private final H3 selectedTitle = new H3();
    private final Span comparison = new Span();
    private final Button activate = new Button("Activate", e -> confirmActivate());
    private final Button rollback = new Button("Roll back", e -> confirmRollback());
    private final VerticalLayout detail = new VerticalLayout();
    private final Div map = new Div();
    private Caller caller;
    private List<VersionView> all = List.of();

    public MetaConceptsView() {
        Button retrain = new Button("Retrain clusters", e -> openRetrain());
        retrain.setId("retrain");
        retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rollback.setId("rollback");
        activate.setId("activate");
        activate.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        comparison.setId("version-comparison");
        HorizontalLayout actions = new HorizontalLayout(retrain, rollback);
        HorizontalLayout header = new HorizontalLayout(new H2("Meta-concepts"), actions);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        configureVersions();
        HorizontalLayout selectedHeader = new HorizontalLayout(selectedTitle, activate);
        selectedHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        detail.setPadding(false);
        map.setId("concept-map");
        map.setWidthFull();
        detail.add(selectedHeader, comparison, metaConcepts, map);
        detail.setVisible(false);
        add(header, versions, detail);
    }

    private void configureVersions() {
        versions.setId("versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setAllRowsVisible(true);
        versions.addColumn(VersionView::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        versions.addColumn(VersionView::status).setHeader("Status").setAutoWidth(true);
        versions.addColumn(VersionView::label).setHeader("Label").setFlexGrow(1);
        versions.addColumn(VersionView::source).setHeader("Source").setAutoWidth(true);
        versions.addColumn(v -> v.metaConcepts().size()).setHeader("K").setAutoWidth(true);
        versions.addColumn(v -> v.inertia() == null ? "" : String.format(Locale.ROOT, "%.3f", v.inertia()))
                .setHeader("Inertia").setAutoWidth(true);
        versions.addColumn(v -> time(v.createdAt())).setHeader("Created").setAutoWidth(true);
        versions.addColumn(v -> time(v.activatedAt())).setHeader("Activated").setAutoWidth(true);
        versions.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleGate.allowAny(event, "TENANT_ADMIN", "PLATFORM_ADMIN")) {
            return; // the services refuse too; this keeps the view itself from other roles
        }
        try {
            caller = consoleCaller.current();
        } catch (ServiceException notSignedIn) {
            return;
        }
        reload(null);
    }

    private void reload(Long select) {
        try {
            all = dictionary.versions(caller);
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
            return;
        }
        versions.setItems(all);
        Long id = select != null ? select : VersionComparison.active(all).map(VersionView::id)
                .orElse(all.isEmpty() ? null : all.get(0).id());
        all.stream().filter(v -> id != null && v.id() == id).findFirst().ifPresentOrElse(versions::select, () -> show(null));
    }

    private void show(VersionView v) {
        detail.setVisible(v != null);
        if (v == null) {
            return;
        }
        selectedTitle.setText("Version #" + v.id() + " · " + v.status() + " · embedder " + v.embedderId());
        comparison.setText(VersionComparison.describe(v, VersionComparison.active(all)));
        metaConcepts.setItems(v.metaConcepts());
        activate.setVisible("READY".equals(v.status()));
        showMap(v);
    }

    private void showMap(VersionView v) {
        map.removeAll();
        try {
            DictionaryMap.MapView m = dictionaryMap.map(caller, v.id());
            if (m.points().isEmpty()) {
                map.add(new Span("No map: none of this version's members is a registered concept with a stored embedding."));
                return;
            }
            Map<Integer, String> labels = v.metaConcepts().stream().collect(Collectors.toMap(
                    VersionView.MetaConceptView::clusterIndex, VersionView.MetaConceptView::label, (a, b) -> a));
            byte[] png = ConceptMapChart.png(m, labels);
            StreamResource resource = new StreamResource("concept-map-" + v.id() + ".png", () -> new ByteArrayInputStream(png));
            resource.setCacheTime(0);
            Image image = new Image(resource, "2-D map of " + m.points().size() + " concept embeddings in "
                    + v.metaConcepts().size() + " meta-concepts");
            image.setId("concept-map-image");
            image.setWidth(ConceptMapChart.WIDTH + "px");
            image.setMaxWidth("100%");
            map.add(image);
            if (m.missing() > 0) {
                map.add(new Span(m.missing() + " member(s) from a dataset have no stored embedding and are not shown."));
            }
        } catch (RuntimeException e) {
            map.add(new Span(ConsoleErrors.message(e)));
        }
    }

    private void saveAdapter(VersionView.MetaConceptView m, String adapter) {
        VersionView v = versions.asSingleSelect().getValue();
        try {
            dictionary.changeAdapter(caller, v.id(), m.clusterIndex(), adapter);
            ConsoleErrors.success("Meta-concept " + m.clusterIndex() + " now uses adapter " + adapter + ".");
            reload(v.id());
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
            reload(v.id());
        }
    }

    private void confirmActivate() {
        VersionView v = versions.asSingleSelect().getValue();
        ConfirmDialog d = new ConfirmDialog("Activate version #" + v.id() + "?",
                "From the next turn on, adapters are routed with this version's " + v.metaConcepts().size()
                        + " meta-concepts. You can roll back.", "Activate", e -> act(() -> dictionary.activate(caller, v.id()),
                "Version #" + v.id() + " is active."));
        d.setCancelable(true);
        d.setConfirmButtonTheme("primary success");
        d.open();
    }

    private void confirmRollback() {
        ConfirmDialog d = new ConfirmDialog("Roll back?", "The version that was active before the current one "
                + "becomes active again.", "Roll back", e -> act(() -> dictionary.rollback(caller), "Rolled back."));
        d.setCancelable(true);
        d.open();
    }

    private void act(java.util.function.Supplier<VersionView> action, String done) {
        try {
            VersionView v = action.get();
            ConsoleErrors.success(done);
            reload(v.id());
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void openRetrain() {
        new RetrainDialog(dictionary, scheduler, caller, caller.has(Role.PLATFORM_ADMIN), this::reload).open();
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
