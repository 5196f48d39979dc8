package ai.seed.web.console.tenants;

import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.CreatedTenant;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.OnceSecretDialog;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * "New tenant": slug and name, and the tenant's first admin (username; the product generates the
 * password and shows it once). Tenant and admin are created together or not at all.
 */
class NewTenantDialog extends Dialog {

    private final TenancyService tenancy;
    private final ConsoleCaller callers;
    private final Consumer<CreatedTenant> onCreated;
    private final TextField slug = new TextField("Slug");
    private final TextField name = new TextField("Name");
    private final TextField adminUsername = new TextField("First admin: username");
    private final TextField adminDisplayName = new TextField("First admin: display name (optional)");
    private final Span error = new Span();

    NewTenantDialog(TenancyService tenancy, ConsoleCaller callers, Consumer<CreatedTenant> onCreated) {
        this.tenancy = tenancy;
        this.callers = callers;
        this.onCreated = onCreated;
        setHeaderTitle("New tenant");
        setWidth("min(40rem, 95vw)");
        slug.setId("tenant-slug");
        slug.setRequired(true);
        slug.setHelperText("2-63 lowercase letters, digits or '-'; used in URLs and logs");
        name.setId("tenant-name");
        name.setRequired(true);
        adminUsername.setId("tenant-admin-username");
        adminUsername.setRequired(true);
        adminUsername.setHelperText("3-100 lowercase letters, digits or . _ @ -");
        adminDisplayName.setId("tenant-admin-display-name");
        error.setId("new-tenant-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        FormLayout form = new FormLayout(slug, name, new H4("First tenant admin"), adminUsername, adminDisplayName);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        form.setColspan(form.getChildren().filter(c -> c instanceof H4).findFirst().orElseThrow(), 2);
        add(form, error);
        Button cancel = new Button("Cancel", e -> close());
        Button create = new Button("Create tenant", e -> create());
        create.setId("create-tenant");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, create);
        addOpenedChangeListener(e -> slug.focus());
    }

    private void create() {
        error.setText("");
        UiCalls.call(() -> tenancy.createTenantWithAdmin(callers.current(), slug.getValue().strip(),
                        name.getValue().strip(), adminUsername.getValue(), adminDisplayName.getValue()), error::setText)
                .ifPresent(this::created);
    }

    private void created(CreatedTenant created) {
        close();
        onCreated.accept(created);
        UiCalls.success("Tenant " + created.tenant().slug() + " created");
        new OnceSecretDialog("First admin created", "Password for " + created.admin().user().username(),
                created.admin().generatedPassword(),
                "Give it to " + created.admin().user().username() + " over a safe channel.").open();
    }
}
