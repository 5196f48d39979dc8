package ai.seed.web.console.metaconcepts;

import ai.seed.web.console.common.EmptyStates;
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
    @Inject
    ai.seed.inference.adapters.AdapterService adapters;
    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    private final Grid<VersionView> versions = new Grid<>();
    private final MetaConceptGrid metaConcepts = new MetaConceptGrid(this::saveAdapter);
    private final AdapterServingGrid adapterGrid = new AdapterServingGrid(this::openUpload, this::issueUploadKey);
    private final Button checkServing = new Button("Check serving", e -> checkServing());
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
        checkServing.setId("check-serving");
        HorizontalLayout adaptersHeader = new HorizontalLayout(new H3("Adapters"), checkServing);
        adaptersHeader.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        detail.add(selectedHeader, comparison, metaConcepts, adaptersHeader, adapterGrid, map);
        detail.setVisible(false);
        add(header, versions, detail);
    }

    private void configureVersions() {
        versions.setId("versions-grid");
        versions.setEmptyStateComponent(EmptyStates.withHint("versions-empty", "No dictionary version yet.",
                "Build one with \"Retrain clusters\": K-means over the concepts' embeddings, one meta-concept per cluster."));
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
        showAdapters(v.id());
        showMap(v);
    }

    private void showAdapters(long versionId) {
        try {
            adapterGrid.setItems(adapters.adapters(caller, versionId));
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void checkServing() {
        VersionView v = versions.asSingleSelect().getValue();
        try {
            adapterGrid.setItems(adapters.reconcileNow(caller, v.id()));
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void openUpload(ai.seed.inference.adapters.MetaConceptAdapterView m) {
        VersionView v = versions.asSingleSelect().getValue();
        new AdapterUploadDialog(adapters, caller, v.id(), m.clusterIndex(), m.label(), () -> reload(v.id())).open();
    }

    /** Shows a new upload key once, with the command a training job runs. */
    private void issueUploadKey(ai.seed.inference.adapters.MetaConceptAdapterView m) {
        VersionView v = versions.asSingleSelect().getValue();
        try {
            var key = adapters.issueUploadKey(caller, v.id(), m.clusterIndex(), null);
            com.vaadin.flow.component.textfield.TextField shown = new com.vaadin.flow.component.textfield.TextField(
                    "Upload key (shown once)");
            shown.setValue(key.key());
            shown.setReadOnly(true);
            shown.setWidthFull();
            shown.setId("upload-key-value");
            Span how = new Span("Valid until " + time(key.expiresAt()) + "; it may only PUT " + key.uploadPath()
                    + " (kubectl create secret generic seed-adapter-upload-v" + v.id() + "-" + m.clusterIndex()
                    + " --from-literal=api-key=<key>). docs/ADAPTERS.md, \"Training an adapter\".");
            com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog(shown, how);
            d.setHeaderTitle("Upload key for meta-concept " + m.clusterIndex());
            d.setWidth("36rem");
            d.getFooter().add(new Button("Close", e -> d.close()));
            d.open();
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
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
                        + " meta-concepts. You can roll back.", "Activate", e -> activateOrOffer(v));
        d.setCancelable(true);
        d.setConfirmButtonTheme("primary success");
        d.open();
    }

    /** Activation refused because adapters are not served: show what is missing and offer to go ahead. */
    private void activateOrOffer(VersionView v) {
        try {
            dictionary.activate(caller, v.id(), false);
            ConsoleErrors.success("Version #" + v.id() + " is active.");
            reload(v.id());
        } catch (ServiceException e) {
            if (!"adapters-not-served".equals(e.code())) {
                ConsoleErrors.show(e);
                return;
            }
            Span why = new Span(e.getMessage() + " Turns routed to them will run on the base small model, labelled "
                    + "as such.");
            why.setId("activate-anyway-text");
            ConfirmDialog anyway = new ConfirmDialog();
            anyway.setHeader("Adapters not served");
            anyway.setText(why);
            anyway.setConfirmText("Activate anyway");
            anyway.addConfirmListener(ok -> act(() -> dictionary.activate(caller, v.id(), true),
                    "Version #" + v.id() + " is active."));
            anyway.setCancelable(true);
            anyway.setConfirmButtonTheme("error primary");
            anyway.setId("activate-anyway");
            anyway.open();
            showAdapters(v.id());
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
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
