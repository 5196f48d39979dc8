package ai.seed.web.console.common;

import com.vaadin.flow.component.html.Anchor;

/** Links to console routes by path, followed by the router (no page reload). */
public final class RouteLinks {

    private RouteLinks() {
    }

    public static Anchor to(String route, String text, String className) {
        Anchor link = new Anchor(route, text);
        link.getElement().setAttribute("router-link", true);
        link.addClassName(className);
        return link;
    }
}
