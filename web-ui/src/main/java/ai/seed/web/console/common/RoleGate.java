package ai.seed.web.console.common;

import ai.seed.web.console.StatusView;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinRequest;

/**
 * The views' own role check (the menu hides what a user may not use; this stops typed URLs;
 * the services check again). Anonymous visitors are left to {@code MainLayout}, which sends them
 * to the sign-in view.
 */
public final class RoleGate {

    private RoleGate() {
    }

    /** True when the signed-in user has {@code role}; otherwise forwards to the status view. */
    public static boolean allow(BeforeEnterEvent event, String role) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            return false;
        }
        if (request.isUserInRole(role)) {
            return true;
        }
        UiCalls.error("That page needs the role " + role + ".");
        event.forwardTo(StatusView.class);
        return false;
    }

    /** As {@link #allow}, for views open to any of several roles. */
    public static boolean allowAny(BeforeEnterEvent event, String... roles) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            return false;
        }
        for (String role : roles) {
            if (request.isUserInRole(role)) {
                return true;
            }
        }
        UiCalls.error("That page needs one of the roles " + String.join(", ", roles) + ".");
        event.forwardTo(StatusView.class);
        return false;
    }
}
