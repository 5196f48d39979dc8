package ai.seed.web.console.tenants;

import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.TenantView;
import ai.seed.inference.tenancy.TenantProvisioning;
import ai.seed.web.console.common.Badges;
import ai.seed.web.console.users.ApiKeysPanel;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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

/**
 * Platform administration: every tenant (create with its first admin, suspend, resume, delete a
 * suspended one) and the platform keys that let provisioning automation do the same over the API.
 */
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants | Seed")
public class TenantsView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    TenancyService tenancy;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    ConsoleCaller callers;

    private final Grid<TenantView> grid = new Grid<>(TenantView.class, false);
    private ApiKeysPanel platformKeys;

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
        grid.setMinHeight("20rem"); // the platform keys below must not squeeze it to one row
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(TenantView::slug).setHeader("Slug").setSortable(true).setAutoWidth(true);
        grid.addColumn(TenantView::name).setHeader("Name").setSortable(true).setFlexGrow(1);
        grid.addComponentColumn(t -> t.suspendedAt() == null ? Badges.success("active") : Badges.warning("suspended"))
                .setHeader("Status").setAutoWidth(true);
        grid.addColumn(TenantView::defaultMode).setHeader("Default mode").setAutoWidth(true);
        grid.addColumn(t -> Formats.time(t.createdAt(), "")).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFrozenToEnd(true);
        grid.setEmptyStateText("No tenants yet. Create the first one with \"New tenant\".");
        add(header, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (RoleGate.allow(event, "PLATFORM_ADMIN")) {
            refresh();
            if (platformKeys == null) {
                platformKeys = new ApiKeysPanel(tenancy, callers, true);
                platformKeys.setId("platform-keys");
                add(new H3("Platform API keys"), new Paragraph("For an operator's automation: a platform key (scope"
                        + " 'tenants') creates, suspends and deletes tenants through /api/v1/admin/tenants."), platformKeys);
            }
            platformKeys.refresh();
        }
    }

    private void refresh() {
        // Newest first: the tenant just created is at the top.
        grid.setItems(UiCalls.call(() -> provisioning.list(callers.current())).orElse(List.of()).stream()
                .sorted(Comparator.comparing(TenantView::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
    }

    private Component actions(TenantView t) {
        HorizontalLayout row = new HorizontalLayout();
        if (t.suspendedAt() == null) {
            row.add(action("Suspend", "suspend-tenant", t, () -> confirm("Suspend " + t.slug() + "?",
                    "Its users are signed out and cannot sign in, its API keys are refused; its data is kept."
                            + " You can resume it at any time.", "Suspend",
                    () -> provisioning.suspend(callers.current(), t.id()))));
        } else {
            row.add(action("Resume", "resume-tenant", t, () -> {
                if (UiCalls.run(() -> provisioning.resume(callers.current(), t.id()))) {
                    refresh();
                }
            }));
            row.add(action("Delete", "delete-tenant", t, () -> confirm("Delete " + t.slug() + " for good?",
                    "Its users, API keys, concepts, images, scenarios, turns and evaluations are deleted in one step."
                            + " This cannot be undone; the audit trail stays.", "Delete",
                    () -> UiCalls.success("Deleted " + t.slug() + ": " + removed(provisioning.delete(callers.current(),
                            t.id()).removed())))));
        }
        return row;
    }

    /** "users 1, concepts 3, ...": what went, leaving out the kinds it had none of. */
    private static String removed(java.util.Map<String, Long> removed) {
        String what = removed.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        return what.isEmpty() ? "it owned nothing" : what;
    }

    private Button action(String label, String className, TenantView t, Runnable onClick) {
        Button b = new Button(label, e -> onClick.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        if (!label.equals("Resume")) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        b.addClassName(className);
        b.setAriaLabel(label + " tenant " + t.slug());
        return b;
    }

    private void confirm(String title, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(title, text, confirmText, e -> {
            if (UiCalls.run(action)) {
                refresh();
            }
        });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setId("confirm-tenant-action");
        dialog.open();
    }

    private void openNewTenant() {
        new NewTenantDialog(tenancy, callers, created -> refresh()).open();
    }
}
