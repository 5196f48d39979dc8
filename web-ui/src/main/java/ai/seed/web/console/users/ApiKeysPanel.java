package ai.seed.web.console.users;

import ai.seed.web.console.common.EmptyStates;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.ApiClientView;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.Badges;
import ai.seed.web.console.common.Formats;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * API keys: prefix and dates only (never a key), issue (shown once) and revoke. A tenant admin
 * sees the tenant's partner keys; a platform admin (under Tenants) the platform keys.
 */
public class ApiKeysPanel extends Composite<VerticalLayout> {

    private final TenancyService tenancy;
    private final ConsoleCaller callers;
    private final Grid<ApiClientView> grid = new Grid<>(ApiClientView.class, false);

    /** The tenant's partner keys (for a tenant admin). */
    ApiKeysPanel(TenancyService tenancy, ConsoleCaller callers) {
        this(tenancy, callers, false);
    }

    /** {@code platform}: the platform keys, scope {@code tenants} only (for a platform admin). */
    public ApiKeysPanel(TenancyService tenancy, ConsoleCaller callers, boolean platform) {
        this.tenancy = tenancy;
        this.callers = callers;
        Button issue = new Button(platform ? "New platform key" : "New API key", VaadinIcon.KEY.create(),
                e -> new NewApiKeyDialog(tenancy, callers, platform, k -> refresh()).open());
        issue.setId("new-api-key");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("api-keys-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiClientView::name).setHeader("Name").setWidth("8rem").setFlexGrow(2);
        grid.addColumn(c -> "seed_" + c.keyPrefix() + "_…").setHeader("Key prefix").setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(c -> String.join(", ", c.scopes())).setHeader("Scopes").setWidth("9rem").setFlexGrow(1);
        grid.addComponentColumn(ApiKeysPanel::state).setHeader("Usable").setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(c -> Formats.time(c.createdAt(), "")).setHeader("Created").setWidth("7rem").setFlexGrow(1);
        grid.addColumn(c -> Formats.time(c.expiresAt(), "never")).setHeader("Expires").setWidth("7rem").setFlexGrow(1);
        grid.addColumn(c -> Formats.time(c.lastUsedAt(), "never")).setHeader("Last used").setWidth("7rem").setFlexGrow(1);
        grid.addComponentColumn(this::revokeButton).setHeader("").setWidth("6.5rem").setFlexGrow(0)
                .setFrozenToEnd(true); // reachable at tablet width, where the dates scroll
        grid.setEmptyStateComponent(platform
                ? EmptyStates.withHint("api-keys-empty", "No platform keys. Provisioning automation needs one to call"
                        + " /api/v1/admin/tenants.", "Create one with \"New platform key\".")
                : EmptyStates.withHint("api-keys-empty", "No API keys. Partner systems need one to call /api/v1.",
                        "Create one with \"New API key\" and pick its scopes."));
        getContent().setPadding(false);
        getContent().add(issue, grid);
    }

    public void refresh() {
        grid.setItems(UiCalls.call(() -> tenancy.apiClients(callers.current())).orElse(List.of()));
    }

    private static Component state(ApiClientView c) {
        if (c.usable()) {
            return Badges.success("usable");
        }
        return Badges.error(c.revokedAt() != null ? "revoked" : "expired");
    }

    private Component revokeButton(ApiClientView client) {
        if (client.revokedAt() != null) {
            return new Span();
        }
        Button revoke = new Button("Revoke", e -> confirmRevoke(client));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setAriaLabel("Revoke API key " + client.name());
        revoke.addClassName("revoke-api-key");
        return revoke;
    }

    private void confirmRevoke(ApiClientView client) {
        ConfirmDialog confirm = new ConfirmDialog("Revoke " + client.name() + "?",
                "Requests with this key are refused at once. This cannot be undone.", "Revoke", e -> {
                    if (UiCalls.run(() -> tenancy.revokeApiKey(callers.current(), client.id()))) {
                        UiCalls.success("API key " + client.name() + " revoked");
                        refresh();
                    }
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setId("confirm-revoke");
        confirm.open();
    }
}
