package ai.seed.web.console.users;

import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.UserView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.common.Badges;
import ai.seed.web.console.common.RoleGate;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.List;

/** Tenant administration: the tenant's users (create; passwords generated and shown once) and API keys. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users & API keys | Seed")
public class UsersView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    TenancyService tenancy;
    @Inject
    ConsoleCaller callers;

    private final Grid<UserView> users = new Grid<>(UserView.class, false);
    private ApiKeysPanel keys;

    public UsersView() {
        setSizeFull();
        Button create = new Button("New user", VaadinIcon.PLUS.create(),
                e -> new NewUserDialog(tenancy, callers, u -> refresh()).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Users"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        users.setId("users-grid");
        users.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        users.setAllRowsVisible(true);
        users.addColumn(UserView::username).setHeader("Username").setAutoWidth(true);
        users.addColumn(UserView::displayName).setHeader("Display name").setFlexGrow(1);
        users.addColumn(u -> "TENANT_ADMIN".equals(u.role()) ? "Tenant admin" : "Staff").setHeader("Role")
                .setAutoWidth(true);
        users.addComponentColumn(u -> u.enabled() ? Badges.success("enabled") : Badges.error("disabled"))
                .setHeader("Status").setAutoWidth(true);
        users.addComponentColumn(this::signOutButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        add(header, users);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!RoleGate.allow(event, "TENANT_ADMIN")) {
            return;
        }
        if (keys == null) {
            keys = new ApiKeysPanel(tenancy, callers);
            add(new H3("Partner API keys"), keys);
        }
        refresh();
        keys.refresh();
    }

    private Button signOutButton(UserView user) {
        Button b = new Button("Sign out everywhere", e -> {
            if (UiCalls.run(() -> tenancy.signOutEverywhere(callers.current(), user.id()))) {
                UiCalls.success(user.username() + " is signed out of every session");
            }
        });
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.addClassName("sign-out-user");
        b.setAriaLabel("Sign " + user.username() + " out everywhere");
        return b;
    }

    private void refresh() {
        users.setItems(UiCalls.call(() -> tenancy.users(callers.current())).orElse(List.of()));
    }
}
