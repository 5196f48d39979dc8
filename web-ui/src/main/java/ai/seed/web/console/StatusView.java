package ai.seed.web.console;

import ai.seed.migrations.Migrations;
import ai.seed.migrations.SchemaState;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import javax.sql.DataSource;

/** The console's landing page: is this node ready to serve, and why not if it is not. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Status | Seed")
public class StatusView extends VerticalLayout {

    @Resource(lookup = "java:jboss/datasources/SeedDS")
    DataSource dataSource;

    public StatusView() {
        add(new H2("Platform status"));
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
        add(schema, next);
    }
}
