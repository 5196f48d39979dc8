package ai.seed.web.console.tenants;

import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.TenantView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.MainLayout;
import ai.seed.web.console.common.Formats;
import ai.seed.web.console.common.RoleGate;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** Platform administration: every tenant, and a dialog that creates one with its first admin. */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants | Seed")
public class TenantsView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    TenancyService tenancy;
    @Inject
    ConsoleCaller callers;

    private final Grid<TenantView> grid = new Grid<>(TenantView.class, false);

    public TenantsView() {
        setSizeFull();
        Button create = new Button("New tenant", VaadinIcon.PLUS.create(), e -> openNewTenant());
        create.setId("new-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Tenants"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TenantView::slug).setHeader("Slug").setSortable(true).setAutoWidth(true);
        grid.addColumn(TenantView::name).setHeader("Name").setSortable(true).setFlexGrow(1);
        grid.addColumn(TenantView::defaultMode).setHeader("Default mode").setAutoWidth(true);
        grid.addColumn(t -> Formats.time(t.createdAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.setEmptyStateText("No tenants yet. Create the first one with \"New tenant\".");
        add(header, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (RoleGate.allow(event, "PLATFORM_ADMIN")) {
            refresh();
        }
    }

    private void refresh() {
        // Newest first: the tenant just created is at the top.
        grid.setItems(UiCalls.call(() -> tenancy.tenants(callers.current())).orElse(List.of()).stream()
                .sorted(Comparator.comparing(TenantView::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    private void openNewTenant() {
        new NewTenantDialog(tenancy, callers, created -> refresh()).open();
    }
}
