package ai.seed.web.console.chat;

import com.vaadin.flow.component.combobox.ComboBox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The scenario a question is asked in; "All concepts" (the default) means every concept of the tenant. */
class ScenarioPicker extends ComboBox<ChatChoices.ScenarioChoice> {

    static final ChatChoices.ScenarioChoice ALL = new ChatChoices.ScenarioChoice(null, "All concepts", -1);

    ScenarioPicker() {
        super("Scenario");
        setId("chat-scenario");
        setItemLabelGenerator(s -> s.conceptCount() < 0 ? s.name() : s.name() + " (" + s.conceptCount() + ")");
        setAllowCustomValue(false);
        setItems(List.of(ALL));
        setValue(ALL);
        setMinWidth("16rem");
    }

    void setScenarios(List<ChatChoices.ScenarioChoice> scenarios) {
        List<ChatChoices.ScenarioChoice> all = new ArrayList<>();
        all.add(ALL);
        all.addAll(scenarios);
        UUID selected = selectedId();
        setItems(all);
        setValue(all.stream().filter(s -> java.util.Objects.equals(s.id(), selected)).findFirst().orElse(ALL));
    }

    UUID selectedId() {
        return getValue() == null ? null : getValue().id();
    }

    String selectedName() {
        return getValue() == null ? ALL.name() : getValue().name();
    }
}
