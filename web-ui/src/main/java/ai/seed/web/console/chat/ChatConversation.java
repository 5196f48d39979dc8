package ai.seed.web.console.chat;

import ai.seed.inference.pipeline.TurnRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat conversation of one signed-in session (kept in the Vaadin session, so it survives a
 * page reload and ends with sign-out). Answered exchanges become the history sent with the next
 * question, oldest first.
 */
public final class ChatConversation {

    private static final String KEY = ChatConversation.class.getName();
    /** Older exchanges than this are not sent as history (they stay on screen). */
    static final int MAX_HISTORY_EXCHANGES = 10;

    private final List<ChatExchange> exchanges = new ArrayList<>();

    /** The conversation of the current session, created on first use. */
    public static ChatConversation current() {
        VaadinSession session = VaadinSession.getCurrent();
        ChatConversation c = (ChatConversation) session.getAttribute(KEY);
        if (c == null) {
            c = new ChatConversation();
            session.setAttribute(KEY, c);
        }
        return c;
    }

    public synchronized List<ChatExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized void add(ChatExchange exchange) {
        exchanges.add(exchange);
    }

    public synchronized void clear() {
        exchanges.clear();
    }

    /** The answered exchanges as user/assistant messages, for {@code AskRequest.history}. */
    public synchronized List<TurnRequest.HistoryMessage> history() {
        List<TurnRequest.HistoryMessage> out = new ArrayList<>();
        List<ChatExchange> answered = exchanges.stream().filter(e -> !e.failed()).toList();
        for (ChatExchange e : answered.subList(Math.max(0, answered.size() - MAX_HISTORY_EXCHANGES), answered.size())) {
            out.add(new TurnRequest.HistoryMessage("user", e.question()));
            out.add(new TurnRequest.HistoryMessage("assistant", e.reply()));
        }
        return out;
    }
}
