package ai.seed.web.console.common;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a generated secret (password or API key) exactly once, read-only and pre-selected, with
 * a copy button and the warning that it cannot be shown again. Nothing keeps the secret after the
 * dialog closes.
 */
public class OnceSecretDialog extends Dialog {

    public OnceSecretDialog(String title, String label, String secret, String explanation) {
        setHeaderTitle(title);
        setCloseOnOutsideClick(false);
        setWidth("min(36rem, 95vw)");
        TextField field = new TextField(label);
        field.setId("once-secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.addFocusListener(e -> field.getElement().executeJs("this.inputElement.select()"));
        Paragraph hint = new Paragraph("Copy it now: it is shown only this once and cannot be recovered. "
                + explanation);
        hint.setId("once-secret-hint");
        add(field, hint);
        Button copy = new Button("Copy", e -> copy(secret));
        copy.setId("once-secret-copy");
        Button done = new Button("I have copied it", e -> close());
        done.setId("once-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.addClickShortcut(Key.ENTER);
        getFooter().add(copy, done);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                field.focus();
            }
        });
    }

    private void copy(String secret) {
        getElement().executeJs("return navigator.clipboard.writeText($0)", secret)
                .then(ok -> UiCalls.success("Copied to the clipboard"),
                        err -> UiCalls.error("The browser refused to copy; select the text and press Ctrl+C."));
    }
}
