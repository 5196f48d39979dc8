package ai.seed.web.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import ai.seed.domain.security.SeedAuthenticationMechanism;
import ai.seed.domain.security.SignInGuard;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** Sign-in for tenant admins, staff and platform admins (Jakarta Security, see security package). */
@Route("login")
@PageTitle("Sign in | Seed")
public class LoginView extends VerticalLayout {

    @Inject
    SecurityContext securityContext;

    private static final String FAILED_TITLE = "Wrong username or password";
    private static final String FAILED_MESSAGE = "Check them and try again. Accounts are created by your tenant admin.";

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        showMessage(FAILED_TITLE, FAILED_MESSAGE);
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));
        add(new H1("Seed"), new Paragraph("Personalized vision-language answers"), form);
    }

    private void signIn(String username, String password) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = (VaadinServletResponse) VaadinServletResponse.getCurrent();
        AuthenticationStatus status = securityContext.authenticate(request.getHttpServletRequest(),
                response.getHttpServletResponse(), AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        if (status == AuthenticationStatus.SUCCESS) {
            // A full page load, so the browser uses the new (changed) session id from here on.
            UI.getCurrent().getPage().setLocation("/");
        } else {
            showFailure(request.getHttpServletRequest().getAttribute(SeedAuthenticationMechanism.SIGN_IN_NOTICE));
        }
    }

    /** The generic failure, or what the guard said: a delay, a lockout or a suspended tenant. */
    private void showFailure(Object notice) {
        if (notice instanceof SignInGuard.Refusal refusal) {
            showMessage(switch (refusal.code()) {
                case "sign-in-locked" -> "Account locked for now";
                case "tenant-suspended" -> "Access suspended";
                default -> "Too many failed sign-ins";
            }, refusal.message());
        } else {
            showMessage(FAILED_TITLE, FAILED_MESSAGE);
        }
        form.setError(true);
        form.setEnabled(true);
    }

    /** The form's texts, with the error notice it shows when {@code setError(true)}. */
    private void showMessage(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Seed");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
    }
}
