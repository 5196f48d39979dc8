package ai.seed.web.console.models;

import ai.seed.inference.config.ModelSettingsService;
import ai.seed.web.console.common.RoleGate;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Model endpoints for platform admins: which backends serve (weight-free ones labelled
 * "baseline"), "Test connection" for the configured OpenAI-compatible endpoints, live health
 * (re-tested every 30 seconds while the view is open, pushed to the browser) and an editor of the
 * endpoints. Edits are stored in the database and apply to every node within about a second;
 * "Reset" returns to the configuration.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | Seed")
public class ModelsView extends VerticalLayout implements BeforeEnterObserver {

    static final long HEALTH_EVERY_SECONDS = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    ModelHealthCheck health;
    @Inject
    ModelSettingsService settings;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private final UnorderedList backends = new UnorderedList();
    private final Grid<ModelHealthCheck.EndpointHealth> endpoints = new Grid<>();
    private final Span none = new Span("No OpenAI-compatible endpoint is configured: the in-process baseline serves "
            + "detection and turns run small-only.");
    private Caller caller;
    private ScheduledFuture<?> live;
    private ModelSettingsForm form;

    public ModelsView() {
        backends.setId("model-backends");
        none.setId("models-none");
        Button test = new Button("Test connection", VaadinIcon.CONNECT.create(), e -> show(check()));
        test.setId("models-test");
        configureGrid();
        add(new H2("Models"), new H3("In use"), backends, new H3("Endpoints"), test, endpoints, none);
    }

    private void configureGrid() {
        endpoints.setId("models-health");
        endpoints.setAllRowsVisible(true);
        endpoints.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::role).setHeader("Role").setAutoWidth(true);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::url).setHeader("URL").setAutoWidth(true);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::model).setHeader("Model").setAutoWidth(true);
        endpoints.addColumn(h -> h.ok() ? "UP" : "DOWN").setHeader("Health").setAutoWidth(true)
                .setPartNameGenerator(h -> h.ok() ? null : "error");
        endpoints.addColumn(h -> h.millis() + " ms").setHeader("Time").setAutoWidth(true);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::detail).setHeader("Detail").setFlexGrow(1);
        endpoints.addColumn(h -> TIME.format(h.checkedAt())).setHeader("Checked").setAutoWidth(true);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::breaker).setHeader("Circuit breaker").setAutoWidth(true)
                .setPartNameGenerator(h -> h.breaker() != null && h.breaker().startsWith("OPEN") ? "error" : null);
        endpoints.addColumn(ModelHealthCheck.EndpointHealth::turnCalls).setHeader("Turns' calls (this node)")
                .setFlexGrow(1);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleGate.allow(event, "PLATFORM_ADMIN")) {
            return; // the services refuse too; this keeps the view itself from other roles
        }
        try {
            caller = consoleCaller.current();
            showBackends();
            show(check());
            if (form == null) {
                form = new ModelSettingsForm(settings, () -> caller, () -> {
                    showBackends();
                    show(check());
                });
                add(form);
            }
            form.show(settings.current(caller));
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.FORBIDDEN) {
                removeAll();
                add(new H2("Models"), new Span("Model settings are for platform administrators."));
            }
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void showBackends() {
        ModelHealthCheck.Backends b = health.backends(caller);
        backends.removeAll();
        backends.add(item("Embedder: " + b.embedder()), item("Small VLM (detection): " + b.smallVlm()),
                item("Large VLM (reflection, answers): " + b.largeVlm()),
                item("Top-K adapters " + b.topK() + " · default mode " + b.defaultMode() + " · at most "
                        + b.maxConceptsPerPrompt() + " concepts per prompt · detector threshold " + b.detectorThreshold()));
    }

    private List<ModelHealthCheck.EndpointHealth> check() {
        try {
            return health.check(caller);
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
            return List.of();
        }
    }

    private void show(List<ModelHealthCheck.EndpointHealth> results) {
        endpoints.setItems(results);
        endpoints.setVisible(!results.isEmpty());
        none.setVisible(results.isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        live = scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (caller != null) {
                    List<ModelHealthCheck.EndpointHealth> results = health.check(caller);
                    ui.access(() -> show(results));
                }
            } catch (RuntimeException e) {
                // the UI went away or the caller lost the role: the next attach starts afresh
            }
        }, HEALTH_EVERY_SECONDS, HEALTH_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (live != null) {
            live.cancel(false);
            live = null;
        }
    }

    private static ListItem item(String text) {
        return new ListItem(text);
    }
}
