package ai.seed.web.console;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.security.Principal;

/**
 * The console frame: product name, the signed-in user and a sign-out button in the navbar. Every
 * view inside it requires a signed-in user; anyone else is sent to the sign-in view.
 */
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final Span user = new Span();
    private final Span tenant = new Span();

    @jakarta.inject.Inject
    ai.seed.inference.tenancy.TenancyService tenancy;
    @jakarta.inject.Inject
    ConsoleCaller callers;
    private boolean navigationBuilt;

    public MainLayout() {
        H1 title = new H1("Seed");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span subtitle = new Span("personalized vision-language answers");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
        subtitle.addClassName("seed-subtitle");
        title.getStyle().set("white-space", "nowrap");
        user.setId("signed-in-user");
        tenant.setId("signed-in-tenant");
        tenant.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap")
                .set("overflow", "hidden").set("text-overflow", "ellipsis").set("max-width", "16rem");
        tenant.addClassName("seed-tenant");
        user.getStyle().set("white-space", "nowrap");
        Button signOut = new Button("Sign out", e -> signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(title, subtitle);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Button everywhere = new Button("Sign out everywhere", e -> signOutEverywhere());
        everywhere.setId("sign-out-everywhere");
        everywhere.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        everywhere.addClassName("seed-wide-only"); // the header has no room for it on a tablet
        everywhere.getElement().setAttribute("title", "End this and every other session of yours, on every device");
        HorizontalLayout right = new HorizontalLayout(user, tenant, signOut, everywhere);
        right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout navbar = new HorizontalLayout(bar, right);
        navbar.setWidthFull();
        navbar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        navbar.getStyle().set("padding", "0 var(--lumo-space-m)").set("flex-wrap", "nowrap").set("min-width", "0");
        bar.getStyle().set("flex-wrap", "nowrap").set("min-width", "0");
        right.getStyle().set("flex-wrap", "nowrap").set("min-width", "0");
        addToNavbar(new com.vaadin.flow.component.applayout.DrawerToggle(), navbar);
    }

    /** Below this width the header drops its subtitle and the drawer starts closed. */
    static final int COMPACT_WIDTH = 900;

    /**
     * Tablet widths: no npm/theme CSS in this build, so the media query is one small style
     * element added to the page head once; the drawer starts closed on a narrow window.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().executeJs("if (!document.getElementById('seed-compact-style')) {"
                + " const s = document.createElement('style'); s.id = 'seed-compact-style';"
                + " s.textContent = '@media (max-width: " + (COMPACT_WIDTH - 1) + "px) {"
                + " .seed-subtitle, .seed-wide-only { display: none !important; } .seed-tenant { max-width: 8rem !important; } }';"
                + " document.head.appendChild(s); }");
        event.getUI().getPage().retrieveExtendedClientDetails(d -> {
            if (d.getWindowInnerWidth() > 0 && d.getWindowInnerWidth() < COMPACT_WIDTH) {
                setDrawerOpened(false);
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal principal = request == null ? null : request.getUserPrincipal();
        if (principal == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        user.setText(principal.getName());
        if (!navigationBuilt) {
            addToDrawer(navigation(request));
            showTenant();
            navigationBuilt = true;
        }
    }

    /** Menu entries by role; each view checks again (and the services check the caller). */
    private static SideNav navigation(VaadinRequest request) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Status", ""));
        if (request.isUserInRole("TENANT_ADMIN") || request.isUserInRole("STAFF")) {
            nav.addItem(new SideNavItem("Chat", "chat"));
        }
        if (request.isUserInRole("TENANT_ADMIN")) {
            nav.addItem(new SideNavItem("Concepts", "concepts"));
            nav.addItem(new SideNavItem("Scenarios", "scenarios"));
            nav.addItem(new SideNavItem("Turns", "turns"));
            nav.addItem(new SideNavItem("Dashboard", "dashboard"));
            nav.addItem(new SideNavItem("Meta-concepts", "meta-concepts"));
            nav.addItem(new SideNavItem("Evaluations", "evaluations"));
            nav.addItem(new SideNavItem("Users & API keys", "users"));
        }
        if (request.isUserInRole("PLATFORM_ADMIN")) {
            nav.addItem(new SideNavItem("Tenants", "tenants"));
            nav.addItem(new SideNavItem("Meta-concepts", "meta-concepts"));
            nav.addItem(new SideNavItem("Models", "models"));
        }
        return nav;
    }

    /** The signed-in user's tenant name next to the user (platform admins have none). */
    private void showTenant() {
        try {
            tenancy.ownTenant(callers.current()).ifPresent(t -> tenant.setText("· " + t.name()));
        } catch (RuntimeException e) {
            tenant.setText(""); // the header must render even when the lookup fails
        }
    }

    private void signOutEverywhere() {
        if (ai.seed.web.console.common.UiCalls.run(() -> tenancy.signOutEverywhere(callers.current()))) {
            signOut();
        }
    }

    private void signOut() {
        VaadinSession.getCurrent().getSession().invalidate();
        UI.getCurrent().getPage().setLocation("/login");
    }
}
