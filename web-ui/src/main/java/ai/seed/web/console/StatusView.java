package ai.seed.web.console;

import ai.seed.inference.onboarding.GettingStarted;
import ai.seed.migrations.Migrations;
import ai.seed.web.console.home.GettingStartedPanel;
import ai.seed.migrations.SchemaState;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * The console's landing page: the signed-in admin's getting-started checklist (read from the real
 * state), and whether this node is ready to serve, and why not if it is not.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Status | Seed")
public class StatusView extends VerticalLayout {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StatusView.class.getName());

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;
    @Inject
    GettingStarted gettingStarted;
    @Inject
    ConsoleCaller callers;

    public StatusView() {
        add(new H2("Platform status"));
    }

    /** No checklist while the database is down: the schema line above says why. */
    private java.util.Optional<GettingStarted.Checklist> checklist() {
        try {
            return gettingStarted.forCaller(callers.current());
        } catch (RuntimeException e) {
            LOG.warning(() -> "getting-started checklist not shown: " + e);
            return java.util.Optional.empty();
        }
    }

    @jakarta.annotation.PostConstruct
    void render() {
        Span schema = new Span();
        schema.setId("schema-status");
        try {
            SchemaState state = Migrations.state(dataSource);
            schema.setText(state.upToDate()
                    ? "Database ready: schema version " + state.currentVersion()
                    : "Database not ready: " + state.pending() + " pending, " + state.failed() + " failed migration(s)");
        } catch (RuntimeException e) {
            schema.setText("Database unreachable. See the server log and /health/ready.");
        }
        Paragraph next = new Paragraph("Platform admins configure the models (Models), create tenants (Tenants) and "
                + "build the meta-concept dictionary (Meta-concepts); tenant admins register concepts and scenarios, "
                + "and staff ask questions in Chat. Every turn can be inspected in Turns. docs/QUICKSTART.md walks "
                + "through a first hour.");
        next.setId("status-next-steps");
        add(schema);
        // An admin's checklist says the same, step by step and with the real state; others get the overview.
        checklist().ifPresentOrElse(c -> add(new GettingStartedPanel(c)), () -> add(next));
    }
}
