package ai.seed.it.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** Page object for the tenant admin's concepts view and its "New concept" dialog. */
public class ConceptsPage extends ConsolePage {

    public ConceptsPage(Page page) {
        super(page);
    }

    public static ConceptsPage open(Page page, String baseUrl) {
        navigate(page, baseUrl, "concepts", "concepts-grid");
        return new ConceptsPage(page);
    }

    /** Opens the dialog, fills it, uploads {@code images} and waits for their previews. */
    public ConceptsPage startNewConcept(String name, String description, Path... images) {
        click("new-concept");
        fill("concept-name", name);
        fill("concept-description", description);
        page.locator("#concept-images input[type=file]").setInputFiles(images);
        page.locator("#concept-images-previews img").nth(images.length - 1).waitFor();
        return this;
    }

    public void submitNewConcept() {
        click("create-concept");
    }

    /** Registers a concept and waits until the dialog has closed. */
    public void registerConcept(String name, String description, Path... images) {
        startNewConcept(name, description, images);
        submitNewConcept();
        page.locator("#create-concept").waitFor(new Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
    }

    public Locator newConceptError() {
        return page.locator("#new-concept-error");
    }

    public Locator nameField() {
        return page.locator("#concept-name");
    }

    public void cancelDialog() {
        page.locator("vaadin-dialog-overlay vaadin-button").filter(
                new Locator.FilterOptions().setHasText("Cancel")).click();
    }

    public void search(String text) {
        fill("concept-search", text);
        page.locator("#concept-search input").press("Enter");
    }

    /** The grid row's thumbnail of the concept shown in the first row. */
    public Locator thumbnails() {
        return page.locator("#concepts-grid img.seed-thumbnail");
    }

    public Locator cell(String text) {
        return gridCell("concepts-grid", text);
    }

    /** Opens the detail dialog of the concept whose name cell reads {@code name}. */
    public ConceptsPage openDetail(String name) {
        cell(name).click();
        page.locator("#concept-detail-images").waitFor();
        return this;
    }

    /** Opens the first row's detail with the keyboard: header cell, Tab into the rows, Enter. */
    public ConceptsPage openFirstDetailWithKeyboard() {
        page.locator("#concepts-grid vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("Name")).first().click();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        page.locator("#concept-detail-images").waitFor();
        return this;
    }

    public void saveIdentity(String category, String attributes) {
        fill("identity-category", category);
        fill("identity-attributes", attributes);
        click("save-identity");
    }

    public void regenerateIdentity() {
        click("regenerate-identity");
    }

    public Locator identityCategory() {
        return page.locator("#identity-category input");
    }

    /** Deletes the concept of the open detail dialog, confirming. */
    /** Deletes the open concept through its confirm dialog and waits until the detail dialog has closed. */
    public void deleteOpenConcept() {
        click("delete-concept");
        confirm("Delete");
        page.locator("#concept-detail-images").waitFor(
                new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
    }

    /** Replaces the open concept's images and waits until the dialog shows {@code images.length} of them. */
    public void replaceImages(Path... images) {
        page.locator("#replace-images-section").click();
        page.locator("#replace-images input[type=file]").setInputFiles(images);
        page.locator("#replace-images-previews img").nth(images.length - 1).waitFor();
        click("replace-images-button");
    }

    public Locator detailImages() {
        return page.locator("#concept-detail-images img");
    }

    /** Closes the detail dialog and waits until it is gone, so no later click lands on it. */
    public void closeDetail() {
        click("close-concept");
        page.locator("#concept-detail-images").waitFor(
                new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
    }

}
