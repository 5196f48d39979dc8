package ai.seed.web.console.turns;

import ai.seed.web.console.common.EmptyStates;
import ai.seed.domain.turn.TurnData;
import ai.seed.inference.pipeline.TurnMode;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.inference.turns.TurnHistory;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The turn inspector's list: the newest turns (tenant admins: everyone's; staff: their own) with
 * filters by user, day, mode and "reflection changed the report". Enter or a click opens a turn.
 */
@Route(value = "turns", layout = MainLayout.class)
@PageTitle("Turns | Seed")
public class TurnsView extends VerticalLayout implements BeforeEnterObserver {

    /** How many of the newest turns the list loads and filters. */
    static final int MAX_TURNS = 1000;
    private static final int PAGE = 200;
    private static final String ANY_MODE = "Any mode";

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    TurnHistory history;

    private final Grid<TurnData> grid = new Grid<>();
    private final TextField user = new TextField("User");
    private final DatePicker day = new DatePicker("Day");
    private final Select<String> mode = new Select<>();
    private final Checkbox changed = new Checkbox("Reflection changed the report");
    private final Span count = new Span();
    private List<TurnData> turns = List.of();

    public TurnsView() {
        setSizeFull();
        user.setId("turns-user");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setClearButtonVisible(true);
        day.setId("turns-day");
        day.setClearButtonVisible(true);
        mode.setId("turns-mode");
        mode.setLabel("Mode");
        List<String> modes = new ArrayList<>(List.of(ANY_MODE));
        Arrays.stream(TurnMode.values()).map(Enum::name).forEach(modes::add);
        mode.setItems(modes);
        mode.setValue(ANY_MODE);
        changed.setId("turns-changed");
        count.setId("turns-count");
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> load());
        refresh.setId("turns-refresh");
        user.addValueChangeListener(e -> filter());
        day.addValueChangeListener(e -> filter());
        mode.addValueChangeListener(e -> filter());
        changed.addValueChangeListener(e -> filter());
        HorizontalLayout filters = new HorizontalLayout(user, day, mode, changed, refresh);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        add(new H2("Turns"), filters, count, grid);
    }

    private void configureGrid() {
        grid.setId("turns-grid");
        grid.setEmptyStateComponent(EmptyStates.withLink("turns-empty", "No turns yet (or none match these filters).",
                "Ask a question in Chat", "chat"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> TurnFormat.time(t.createdAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TurnData::userRef).setHeader("User").setAutoWidth(true);
        grid.addColumn(TurnData::effectiveMode).setHeader("Mode").setAutoWidth(true);
        grid.addColumn(TurnData::question).setHeader("Question").setFlexGrow(1);
        grid.addColumn(t -> t.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.reflectionChanged() ? "changed" : "").setHeader("Reflection").setAutoWidth(true);
        grid.addColumn(t -> t.totalMillis() + " ms").setHeader("Time taken").setAutoWidth(true);
        grid.setSizeFull();
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addCellFocusListener(e -> e.getItem().ifPresent(grid::select));
        grid.getElement().addEventListener("keydown", e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(this::open)).setFilter("event.key === 'Enter'");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        load();
    }

    private void load() {
        Caller caller;
        try {
            caller = consoleCaller.current();
        } catch (ServiceException notSignedIn) {
            return;
        }
        try {
            List<TurnData> all = new ArrayList<>();
            for (int page = 0; all.size() < MAX_TURNS; page++) {
                TurnHistory.TurnPage p = history.list(caller, page, PAGE);
                all.addAll(p.items());
                if (p.items().size() < PAGE) {
                    break;
                }
            }
            turns = all;
        } catch (RuntimeException e) {
            turns = List.of();
            ConsoleErrors.show(e);
        }
        filter();
    }

    private void filter() {
        TurnFilter f = new TurnFilter(user.getValue(), day.getValue(),
                ANY_MODE.equals(mode.getValue()) ? null : mode.getValue(), changed.getValue());
        List<TurnData> shown = turns.stream().filter(f).toList();
        grid.setItems(shown);
        count.setText(shown.size() + " of " + turns.size() + " turn(s)"
                + (turns.size() >= MAX_TURNS ? " (the newest " + MAX_TURNS + ")" : ""));
    }

    private void open(TurnData t) {
        getUI().ifPresent(ui -> ui.navigate(TurnDetailView.class, t.id().toString()));
    }
}
