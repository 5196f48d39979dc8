package ai.seed.web.console;

import ai.seed.inference.service.ServiceException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a failure into a sentence for the person at the console: a {@link ServiceException}'s own
 * message (it is written for users), anything else a generic sentence, with the details in the
 * server log only. No stack trace ever reaches the browser.
 */
public final class ConsoleErrors {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());
    public static final String UNEXPECTED = "Something went wrong on the server. It has been logged; "
            + "try again, or ask your administrator to check the server log.";

    private ConsoleErrors() {
    }

    /** The user-readable message of {@code failure} (searching its causes for a ServiceException). */
    public static String message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceException se) {
                return capitalize(se.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        LOG.log(Level.WARNING, "console action failed", failure);
        return UNEXPECTED;
    }

    /** Shows {@code failure} as an error notification that stays until closed or 8 s pass. */
    public static void show(Throwable failure) {
        show(message(failure));
    }

    public static void show(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** {@code s} as a sentence: capitalized, ending with a full stop. */
    public static String sentence(String s) {
        String c = capitalize(s);
        return c.endsWith(".") ? c : c + ".";
    }

    static String capitalize(String s) {
        if (s == null || s.isEmpty()) {
            return UNEXPECTED;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
