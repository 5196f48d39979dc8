package ai.seed.web.console.common;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The last line for exceptions no view caught: logged with an incident id (see {@link UiCalls}),
 * the user sees the short message, never a stack trace.
 */
@ApplicationScoped
public class ConsoleErrorHandler implements ErrorHandler {

    private static final long serialVersionUID = 1L;

    void install(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(new ConsoleErrorHandler()));
    }

    @Override
    public void error(ErrorEvent event) {
        String message = UiCalls.messageFor(event.getThrowable());
        if (UI.getCurrent() != null) {
            UiCalls.error(message);
        }
    }
}
