package ai.seed.web.console;

import ai.seed.inference.service.Caller;
import ai.seed.web.security.CallerResolver;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;

/**
 * The service {@link Caller} of the signed-in console user. Views pass it to every service call;
 * the services check roles and tenant themselves, so a view that shows a button by mistake still
 * cannot let the wrong person act.
 */
@ApplicationScoped
public class ConsoleCaller {

    private static final String SESSION_KEY = "seed.console.principal";

    @Inject
    CallerResolver resolver;

    public Caller current() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        VaadinSession session = VaadinSession.getCurrent();
        if (principal == null && session != null) {
            principal = (Principal) session.getAttribute(SESSION_KEY); // push/background: no request at hand
        } else if (principal != null && session != null) {
            session.setAttribute(SESSION_KEY, principal);
        }
        final Principal p = principal;
        return resolver.resolve(p, role -> request != null ? request.isUserInRole(role)
                : p != null); // without a request the roles come from the database (CallerResolver)
    }
}
