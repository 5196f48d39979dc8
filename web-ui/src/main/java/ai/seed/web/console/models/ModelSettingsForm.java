package ai.seed.web.console.models;

import ai.seed.inference.config.ModelSettingsService;
import ai.seed.inference.config.ModelSettingsService.EndpointInput;
import ai.seed.inference.config.ModelSettingsService.EndpointShown;
import ai.seed.inference.service.Caller;
import ai.seed.web.console.common.UiCalls;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Supplier;

/**
 * The platform admin's editor of the model endpoints. Changes are stored in the database and apply to
 * every server node within about a second; "Reset" returns all nodes to the configuration.
 * The stored API key is never shown, only whether one is set; an empty key field keeps it.
 */
class ModelSettingsForm extends VerticalLayout {

    private final ModelSettingsService service;
    private final Supplier<Caller> caller;
    private final Runnable onChanged;

    private final TextField largeUrl = new TextField("Large VLM URL");
    private final TextField largeModel = new TextField("Large VLM model");
    private final Select<String> largeDialect = dialect("Large VLM dialect");
    private final PasswordField largeKey = new PasswordField("Large VLM API key");
    private final IntegerField largeTimeout = new IntegerField("Large VLM timeout (ms)");
    private final TextField smallUrl = new TextField("Small VLM URL");
    private final TextField smallModel = new TextField("Small VLM model");
    private final Select<String> smallDialect = dialect("Small VLM dialect");
    private final TextField smallLora = new TextField("Small VLM lora-ids");
    private final IntegerField smallTimeout = new IntegerField("Small VLM timeout (ms)");
    private final Span error = new Span();

    ModelSettingsForm(ModelSettingsService service, Supplier<Caller> caller, Runnable onChanged) {
        this.service = service;
        this.caller = caller;
        this.onChanged = onChanged;
        setPadding(false);
        setId("models-settings");
        largeUrl.setId("models-large-url");
        largeModel.setId("models-large-model");
        largeDialect.setId("models-large-dialect");
        largeKey.setId("models-large-key");
        largeKey.setPlaceholder("leave empty to keep the current key");
        largeTimeout.setId("models-large-timeout");
        smallUrl.setId("models-small-url");
        smallModel.setId("models-small-model");
        smallDialect.setId("models-small-dialect");
        smallLora.setId("models-small-lora");
        smallLora.setPlaceholder("llama.cpp only: meta-0=0,meta-1=1");
        smallTimeout.setId("models-small-timeout");
        for (TextField url : new TextField[] {largeUrl, smallUrl}) {
            url.setPlaceholder("empty = not configured; e.g. http://gpu-2:8000/v1");
            url.addValueChangeListener(e -> validate(url));
        }
        for (IntegerField t : new IntegerField[] {largeTimeout, smallTimeout}) {
            t.setMin(100);
            t.setMax(600_000);
            t.setStepButtonsVisible(false);
        }
        error.setId("models-settings-error");
        error.getElement().setAttribute("aria-live", "assertive");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        FormLayout large = new FormLayout(largeUrl, largeModel, largeDialect, largeKey, largeTimeout);
        FormLayout small = new FormLayout(smallUrl, smallModel, smallDialect, smallLora, smallTimeout);
        for (FormLayout f : new FormLayout[] {large, small}) {
            f.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        }
        Paragraph note = new Paragraph("Changes here are saved in the database and apply to every server node "
                + "within a second, also after restarts. Reset returns all nodes to the configuration "
                + "(environment, system properties). API keys entered here are stored encrypted.");
        note.setId("models-settings-note");
        note.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Button save = new Button("Save", e -> save());
        save.setId("models-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Reset to configuration", e -> reset());
        reset.setId("models-reset");
        add(new H3("Settings"), note, new H4("Large VLM"), large, new H4("Small VLM"), small, error,
                new HorizontalLayout(save, reset));
    }

    private static Select<String> dialect(String label) {
        Select<String> s = new Select<>();
        s.setLabel(label);
        s.setItems("openai", "vllm", "llama_cpp");
        return s;
    }

    /** Shows the settings in use (the key only as "set"/"not set"). */
    void show(ModelSettingsService.Shown shown) {
        fill(shown.large(), largeUrl, largeModel, largeDialect, largeTimeout);
        largeKey.clear();
        largeKey.setHelperText("API key " + (shown.large().apiKeySet() ? "set" : "not set")
                + "; leave empty to keep it");
        fill(shown.small(), smallUrl, smallModel, smallDialect, smallTimeout);
        smallLora.setValue(shown.small().loraIds());
        error.setText("");
    }

    private static void fill(EndpointShown e, TextField url, TextField model, Select<String> dialect, IntegerField timeout) {
        url.setValue(e.url());
        url.setInvalid(false);
        model.setValue(e.model());
        dialect.setValue(e.dialect().isBlank() ? "openai" : e.dialect().toLowerCase(java.util.Locale.ROOT));
        timeout.setValue((int) Math.min(Integer.MAX_VALUE, e.timeoutMs()));
    }

    private boolean validate(TextField url) {
        String problem = ModelSettingsService.urlProblem(url.getValue());
        url.setInvalid(problem != null);
        url.setErrorMessage(problem == null ? null : url.getLabel() + " " + problem);
        return problem == null;
    }

    private void save() {
        error.setText("");
        boolean ok = validate(largeUrl) & validate(smallUrl);
        if (!ok) {
            error.setText("Check the URLs: an endpoint URL must be an absolute http:// or https:// URL.");
            return;
        }
        EndpointInput large = new EndpointInput(largeUrl.getValue(), largeModel.getValue(), largeDialect.getValue(),
                largeKey.getValue(), null, timeout(largeTimeout));
        EndpointInput small = new EndpointInput(smallUrl.getValue(), smallModel.getValue(), smallDialect.getValue(),
                null, smallLora.getValue(), timeout(smallTimeout));
        UiCalls.call(() -> service.update(caller.get(), large, small), error::setText).ifPresent(s -> {
            show(s);
            onChanged.run();
            UiCalls.success("Model settings applied to every node");
        });
    }

    private void reset() {
        UiCalls.call(() -> service.reset(caller.get()), error::setText).ifPresent(s -> {
            show(s);
            onChanged.run();
            UiCalls.success("Model settings reset to the configuration");
        });
    }

    private static long timeout(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }
}
