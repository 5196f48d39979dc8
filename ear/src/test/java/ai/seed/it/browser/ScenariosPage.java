package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object for the tenant admin's scenarios view. */
public class ScenariosPage extends ConsolePage {

    public ScenariosPage(Page page) {
        super(page);
    }

    public static ScenariosPage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "scenarios", "scenarios-grid");
        return new ScenariosPage(page);
    }

    /** Creates a scenario with the named concepts, picked in the multi-select combo box. */
    public void createScenario(String name, String... conceptNames) {
        click("new-scenario");
        fill("scenario-name", name);
        Locator combo = page.locator("#scenario-concepts input");
        for (String concept : conceptNames) {
            combo.fill(concept);
            page.locator("vaadin-multi-select-combo-box-item").filter(
                    new Locator.FilterOptions().setHasText(concept)).first().click();
        }
        combo.press("Tab"); // closes the combo box overlay, as a keyboard user would
        click("create-scenario");
        page.locator("#create-scenario").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    }

    /** Opens "Edit concepts" of the first scenario, adds the named concepts and saves. */
    public void addConceptsToFirstScenario(String... conceptNames) {
        page.locator("#scenarios-grid vaadin-button.edit-scenario-concepts").first().click();
        Locator combo = page.locator("#edit-scenario-concepts input");
        combo.waitFor();
        for (String concept : conceptNames) {
            combo.fill(concept);
            page.locator("vaadin-multi-select-combo-box-item").filter(
                    new Locator.FilterOptions().setHasText(concept)).first().click();
        }
        combo.press("Tab");
        click("save-scenario-concepts");
        page.locator("#save-scenario-concepts").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    }

    /** The chips of the concepts preselected in the open "Edit concepts" dialog. */
    public Locator editDialogChips() {
        return page.locator("#edit-scenario-concepts vaadin-multi-select-combo-box-chip:not([slot=overflow])");
    }

    /** Deletes the scenario in the first row, confirming. */
    public void deleteFirstScenario() {
        page.locator("#scenarios-grid vaadin-button.delete-scenario").first().click();
        confirm("Delete");
    }

    public Locator cell(String text) {
        return gridCell("scenarios-grid", text);
    }
}
