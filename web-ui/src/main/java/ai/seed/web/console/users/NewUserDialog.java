package ai.seed.web.console.users;

import ai.seed.domain.user.Role;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.CreatedUser;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.OnceSecretDialog;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** "New user" of the admin's tenant: username, display name and role; the password is generated and shown once. */
class NewUserDialog extends Dialog {

    private final TenancyService tenancy;
    private final ConsoleCaller callers;
    private final Consumer<CreatedUser> onCreated;
    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name (optional)");
    private final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
    private final Span error = new Span();

    NewUserDialog(TenancyService tenancy, ConsoleCaller callers, Consumer<CreatedUser> onCreated) {
        this.tenancy = tenancy;
        this.callers = callers;
        this.onCreated = onCreated;
        setHeaderTitle("New user");
        setWidth("min(32rem, 95vw)");
        username.setId("user-username");
        username.setRequired(true);
        username.setWidthFull();
        username.setHelperText("3-100 lowercase letters, digits or . _ @ -");
        displayName.setId("user-display-name");
        displayName.setWidthFull();
        role.setId("user-role");
        role.setItems(Role.STAFF, Role.TENANT_ADMIN);
        role.setItemLabelGenerator(r -> r == Role.STAFF ? "Staff (chat)" : "Tenant admin (console)");
        role.setValue(Role.STAFF);
        error.setId("new-user-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(username, displayName, role, error);
        form.setPadding(false);
        add(form);
        Button create = new Button("Create user", e -> create());
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> username.focus());
    }

    private void create() {
        error.setText("");
        UiCalls.call(() -> tenancy.createUser(callers.current(), null, username.getValue(), displayName.getValue(),
                role.getValue(), null), error::setText).ifPresent(this::created);
    }

    private void created(CreatedUser created) {
        close();
        onCreated.accept(created);
        UiCalls.success("User " + created.user().username() + " created");
        new OnceSecretDialog("User created", "Password for " + created.user().username(),
                created.generatedPassword(), "Give it to " + created.user().username() + " over a safe channel.")
                .open();
    }
}
