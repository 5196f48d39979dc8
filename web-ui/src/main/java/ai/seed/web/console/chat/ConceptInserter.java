package ai.seed.web.console.chat;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;

/**
 * The {@code <} helper: a list of the tenant's concept names that inserts the chosen one into the
 * question. Typing {@code <} in the question moves the focus here with the list open; choosing a
 * name replaces that {@code <} with the full identifier and returns to the question.
 */
class ConceptInserter extends ComboBox<String> {

    private final TextArea target;

    ConceptInserter(TextArea target) {
        super("Insert concept");
        this.target = target;
        setId("chat-concept");
        setPlaceholder("<name>");
        setClearButtonVisible(true);
        setHelperText("or type < in the question");
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                insert(e.getValue());
            }
        });
        target.getElement().addEventListener("keyup", e -> {
            if (!getListDataView().getItems().findAny().isEmpty()) {
                focus();
                setOpened(true);
            }
        }).setFilter("event.key === '<'");
    }

    void setConcepts(List<String> names) {
        setItems(names);
    }

    private void insert(String name) {
        String text = target.getValue() == null ? "" : target.getValue();
        if (text.endsWith("<")) {
            text = text.substring(0, text.length() - 1);
        }
        String sep = text.isEmpty() || text.endsWith(" ") ? "" : " ";
        target.setValue(text + sep + name + " ");
        clear();
        target.focus();
    }
}
