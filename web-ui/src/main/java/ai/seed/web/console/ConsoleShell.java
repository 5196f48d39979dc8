package ai.seed.web.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The console's application shell: server push is on, so long-running work (a chat turn that
 * waits for the models) runs in the background and its result appears without a reload. Push
 * needs no frontend build: the pre-built production bundle loads its client on demand.
 */
@Push
public class ConsoleShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
