package ai.seed.web.console.users;

import ai.seed.domain.apiclient.ApiScope;
import ai.seed.inference.tenancy.TenancyService;
import ai.seed.inference.tenancy.TenancyService.IssuedKey;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.common.OnceSecretDialog;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.function.Consumer;

/**
 * "New API key": a name, the scopes it may use (turns and concepts preselected: what a chat
 * integration needs) and an optional expiry date (end of that day); the key is shown once.
 */
class NewApiKeyDialog extends Dialog {

    private final TenancyService tenancy;
    private final ConsoleCaller callers;
    private final Consumer<IssuedKey> onIssued;
    private final TextField name = new TextField("Name");
    private final DatePicker expires = new DatePicker("Expires (optional)");
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
    private final Span error = new Span();

    /** {@code platform}: a platform key, whose only scope is {@code tenants}. */
    NewApiKeyDialog(TenancyService tenancy, ConsoleCaller callers, boolean platform, Consumer<IssuedKey> onIssued) {
        this.tenancy = tenancy;
        this.callers = callers;
        this.onIssued = onIssued;
        setHeaderTitle(platform ? "New platform key" : "New API key");
        setWidth("min(32rem, 95vw)");
        name.setId("api-key-name");
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText(platform ? "Which provisioning automation uses it" : "Which partner system uses it");
        expires.setId("api-key-expires");
        expires.setMin(LocalDate.now().plusDays(1));
        expires.setHelperText("Empty: the key does not expire (revoke it when no longer needed)");
        scopes.setId("api-key-scopes");
        scopes.setItems(platform ? ApiScope.PLATFORM : ApiScope.ALL);
        scopes.setItemLabelGenerator(sc -> sc.id() + ": " + sc.purpose());
        scopes.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        scopes.setValue(platform ? ApiScope.PLATFORM : EnumSet.of(ApiScope.TURNS, ApiScope.CONCEPTS));
        scopes.setReadOnly(platform);
        scopes.setRequired(true);
        scopes.setHelperText("A call outside these scopes gets 403 naming the missing scope");
        error.setId("new-api-key-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(name, scopes, expires, error);
        form.setPadding(false);
        add(form);
        Button issue = new Button("Create key", e -> issue());
        issue.setId("create-api-key");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), issue);
        addOpenedChangeListener(e -> name.focus());
    }

    private void issue() {
        error.setText("");
        if (expires.isInvalid()) {
            error.setText("Pick an expiry date after today, or leave it empty.");
            return;
        }
        Instant expiry = expires.getValue() == null ? null
                : expires.getValue().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        UiCalls.call(() -> tenancy.issueApiKey(callers.current(), name.getValue(), expiry, scopes.getValue()),
                        error::setText)
                .ifPresent(this::issued);
    }

    private void issued(IssuedKey key) {
        close();
        onIssued.accept(key);
        UiCalls.success("API key " + key.client().name() + " created");
        new OnceSecretDialog("API key created", "API key " + key.client().name(), key.key(),
                "Partners send it as 'Authorization: Bearer <key>'. Scopes: "
                        + String.join(", ", key.client().scopes()) + ".").open();
    }
}
