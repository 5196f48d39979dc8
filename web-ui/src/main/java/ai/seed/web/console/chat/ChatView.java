package ai.seed.web.console.chat;

import ai.seed.inference.admission.TurnsBusyException;
import ai.seed.inference.chat.AskRequest;
import ai.seed.inference.chat.ChatService;
import ai.seed.inference.config.ModelBackends;
import ai.seed.inference.pipeline.TurnResult;
import ai.seed.inference.service.Caller;
import ai.seed.inference.service.ServiceException;
import ai.seed.web.console.ConsoleCaller;
import ai.seed.web.console.ConsoleErrors;
import ai.seed.web.console.MainLayout;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

/**
 * Staff chat: pick a scenario, drop a photo, ask (with {@code <} completing concept names), watch
 * the progress while the models work (the turn runs in the background; its answer is pushed piece
 * by piece as the large VLM writes it, then replaced by the finished exchange),
 * read the answer and open "Why?". The conversation lives in the session and is sent as history.
 */
@Route(value = "chat", layout = MainLayout.class)
@PageTitle("Chat | Seed")
public class ChatView extends VerticalLayout implements BeforeEnterObserver {

    @Inject
    ConsoleCaller consoleCaller;
    @Inject
    ChatService chat;
    @Inject
    ChatChoices choices;
    @Inject
    ModelBackends backends;
    /** The turns' own pool (configure-server.cli), not the default executor's two threads per core. */
    @Resource(lookup = "java:jboss/ee/concurrency/executor/seed-turns")
    ManagedExecutorService executor;

    private final VerticalLayout messages = new VerticalLayout();
    private final ScenarioPicker scenario = new ScenarioPicker();
    private final ImagePicker image = new ImagePicker();
    private final TextArea question = new TextArea("Question");
    private final ConceptInserter concepts = new ConceptInserter(question);
    private final Button ask = new Button("Ask", e -> ask());
    private final ProgressBar progress = new ProgressBar();
    private static final String WORKING = "The models are looking at the photo: detecting concepts, "
            + "checking them, then answering…";
    private final Span progressText = new Span(WORKING);
    private Caller caller;
    private ChatConversation conversation;

    public ChatView() {
        setSizeFull();
        setMaxWidth("1100px");
        question.setMaxHeight("10rem");
        messages.setId("chat-messages");
        messages.setPadding(false);
        messages.setSpacing(false);
        question.setId("chat-question");
        question.setWidthFull();
        question.setMaxLength(ChatService.MAX_QUESTION);
        question.setPlaceholder("Ask about the photo (drop, pick or paste it above); type < to insert a concept such as <bo>");
        question.setHelperText("Ctrl+Enter asks.");
        ask.setId("chat-ask");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(question);
        ask.setDisableOnClick(true);
        Button newChat = new Button("New conversation", e -> clear());
        newChat.setId("chat-new");
        newChat.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        progress.setIndeterminate(true);
        progress.setId("chat-progress");
        progressText.setId("chat-progress-text");
        setBusy(false);
        H2 title = new H2("Chat");
        title.getStyle().set("margin", "0 var(--lumo-space-m) 0 0");
        HorizontalLayout top = new HorizontalLayout(title, scenario, concepts, newChat);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(ask, progressText);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        Scroller scroller = new Scroller(messages);
        scroller.setId("chat-scroller");
        scroller.setWidthFull();
        scroller.getStyle().set("min-height", "8rem");
        add(top, scroller, progress, image, question, actions);
        image.acceptPastesIn(this);
        setFlexGrow(1, scroller);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            caller = consoleCaller.current();
        } catch (ServiceException notSignedIn) {
            return; // the layout sends the visitor to sign in
        }
        conversation = ChatConversation.current();
        messages.removeAll();
        conversation.exchanges().forEach(e -> messages.add(new ExchangeBubble(e)));
        try {
            scenario.setScenarios(choices.scenarios(caller));
            concepts.setConcepts(choices.conceptNames(caller));
        } catch (RuntimeException e) {
            ConsoleErrors.show(e);
        }
    }

    private void ask() {
        String text = question.getValue() == null ? "" : question.getValue().strip();
        if (text.isEmpty()) {
            question.setErrorMessage("Type a question first.");
            question.setInvalid(true);
            ask.setEnabled(true);
            question.focus();
            return;
        }
        question.setInvalid(false);
        AskRequest request = new AskRequest(scenario.selectedId(), null, image.image(), text, conversation.history(), null);
        String imageUrl = image.dataUrl();
        String scenarioName = scenario.selectedName();
        setBusy(true);
        run(request, new ChatExchange(text, scenarioName, imageUrl, null, null));
    }

    /** Runs the turn on a managed thread and pushes its outcome into this UI. */
    private void run(AskRequest request, ChatExchange pending) {
        UI ui = UI.getCurrent();
        Caller who = caller;
        LiveAnswer live = new LiveAnswer(ui, messages, pending.question());
        try {
            executor.submit(() -> {
                ChatExchange done;
                try {
                    TurnResult result = askRetryingWhileBusy(ui, who, request, live);
                    done = new ChatExchange(pending.question(), pending.scenario(), pending.imageDataUrl(), result, null,
                            backends.current().baselinesFor(result.effectiveMode(), pending.imageDataUrl() != null));
                } catch (RuntimeException e) {
                    done = new ChatExchange(pending.question(), pending.scenario(), pending.imageDataUrl(), null,
                            ConsoleErrors.message(e));
                }
                ChatExchange outcome = done;
                ui.access(() -> {
                    live.remove();
                    finish(outcome);
                });
            });
        } catch (RuntimeException e) {
            finish(new ChatExchange(pending.question(), pending.scenario(), pending.imageDataUrl(), null,
                    ConsoleErrors.message(e)));
        }
    }

    /** How often the chat asks again, one Retry-After apart, while the node is at its limit of turns. */
    static final int BUSY_RETRIES = 5;

    /** A refusal as busy is no error yet: the chat says so, waits the Retry-After and asks again. */
    private TurnResult askRetryingWhileBusy(UI ui, Caller who, AskRequest request, LiveAnswer live) {
        for (int attempt = 1; ; attempt++) {
            try {
                return chat.ask(who, request, live);
            } catch (TurnsBusyException busy) {
                if (attempt > BUSY_RETRIES) {
                    throw busy;
                }
                long wait = Math.max(1, busy.retryAfterSeconds());
                String note = "Busy: many questions are being answered right now; retrying in " + wait + " s ("
                        + attempt + " of " + BUSY_RETRIES + ")…";
                ui.access(() -> progressText.setText(note));
                pause(wait);
                ui.access(() -> progressText.setText(WORKING));
            }
        }
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(ChatExchange exchange) {
        try {
            conversation.add(exchange);
            ExchangeBubble bubble = new ExchangeBubble(exchange);
            messages.add(bubble);
            bubble.scrollIntoView();
            if (!exchange.failed()) {
                question.clear();
            }
        } finally {
            // Whatever happened while showing the reply, the chat must not stay busy for ever.
            setBusy(false);
            question.focus();
        }
    }

    private void clear() {
        if (conversation != null) {
            conversation.clear();
        }
        messages.removeAll();
        image.clear();
        question.clear();
    }

    private void setBusy(boolean busy) {
        progress.setVisible(busy);
        progressText.setVisible(busy);
        ask.setEnabled(!busy);
        question.setReadOnly(busy);
        image.setBusy(busy);
    }

}
