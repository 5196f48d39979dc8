package ai.seed.web.console.common;

import ai.seed.inference.service.ServiceException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every console service call goes through here. A {@link ServiceException} (a refusal meant for
 * the user) shows its message; anything else is logged with an incident id and the user sees only
 * "Something went wrong; incident &lt;id&gt;". The console never shows a stack trace.
 */
public final class UiCalls {

    private static final Logger LOG = Logger.getLogger(UiCalls.class.getName());

    private UiCalls() {
    }

    /** Runs {@code call}; on failure shows an error notification and returns empty. */
    public static <T> Optional<T> call(Supplier<T> call) {
        return call(call, UiCalls::error);
    }

    /** Runs {@code call}; on failure hands the user-readable message to {@code onError}. */
    public static <T> Optional<T> call(Supplier<T> call, Consumer<String> onError) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            onError.accept(messageFor(e));
            return Optional.empty();
        }
    }

    /** Runs an action without a result; true when it succeeded. */
    public static boolean run(Runnable action) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** The message to show for {@code e}; unexpected failures are logged under a fresh incident id. */
    public static String messageFor(Throwable e) {
        ServiceException refusal = serviceException(e);
        if (refusal != null) {
            return sentence(refusal.getMessage());
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "console incident " + incident, e);
        return "Something went wrong; incident " + incident + ". The details are in the server log.";
    }

    /** Shows a success notification (bottom start, 3 seconds). */
    public static void success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Shows an error notification that stays until closed or 8 seconds pass. */
    public static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.getElement().setAttribute("role", "alert");
        n.addClassName("seed-error");
    }

    private static ServiceException serviceException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceException s) {
                return s;
            }
        }
        return null;
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The request was refused.";
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
