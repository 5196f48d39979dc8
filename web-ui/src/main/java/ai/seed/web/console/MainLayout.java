package ai.seed.web.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The console frame: product name in the navbar; views render into its content area. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        H1 title = new H1("Seed");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span subtitle = new Span("personalized vision-language answers");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout bar = new HorizontalLayout(title, subtitle);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(bar);
    }
}
