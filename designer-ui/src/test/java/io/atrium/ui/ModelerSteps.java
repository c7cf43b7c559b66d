package io.atrium.ui;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What an analyst does in the BPMN modeler, with the mouse and keyboard: pick from the palette,
 * drop on a sequence flow, name an element, change its type, fill the properties panel. The
 * modeler's own registry is read only to learn where things are and what was made.
 */
final class ModelerSteps {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Browser browser;
    private final String host;

    ModelerSteps(Browser browser, String hostCss) {
        this.browser = browser;
        this.host = hostCss;
    }

    /**
     * Creates a process from the designer hub as an analyst does, checking that the code follows
     * the name, and waits for the designer to open on it.
     */
    static void createProcess(Browser browser, String workspace, String name, String code) {
        browser.navigate("designer");
        browser.click("#hub-new-process");
        browser.pick("#new-process-workspace", workspace);
        browser.type("#new-process-name input", name);
        browser.waitUpTo(WAIT).until(d -> code.equals(browser.element("#new-process-code input")
                .getDomProperty("value")));
        browser.screenshot("process-new");
        browser.click("#new-process-create");
        browser.waitUpTo(WAIT).until(d -> d.getCurrentUrl().endsWith("/designer/processes/" + workspace + "/" + code));
    }

    /** Waits until the modeler shows a drawing with this element. */
    void waitFor(String elementId) {
        browser.waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector(
                host + " .djs-element[data-element-id='" + elementId + "']")).size() == 1);
    }

    /** The element's drawing on the canvas. */
    WebElement shape(String elementId) {
        return browser.element(host + " .djs-element[data-element-id='" + elementId + "']");
    }

    /**
     * Picks a palette entry (e.g. {@code create.task} or {@code atrium-block-create-item}), moves the
     * new element over the sequence flow and drops it there, so it joins the flow. Answers its id.
     */
    String dropOnFlow(String paletteAction, String flowId) {
        var flow = shape(flowId);
        new Actions(browser.driver()).click(browser.element(host + " .djs-palette .entry[data-action='"
                + paletteAction + "']")).perform();
        new Actions(browser.driver()).moveToElement(browser.element(host + " .atrium-bpmn-canvas"))
                .moveToElement(flow, -20, 0).pause(200).moveToElement(flow, 0, 0).pause(300).click().perform();
        return selected();
    }

    /**
     * Names the element as a person does: typing into its label, which the modeler opens on a
     * new task, or a double click opens.
     */
    void name(String elementId, String text) {
        if (!labelEditing()) {
            new Actions(browser.driver()).doubleClick(shape(elementId)).perform();
        }
        try {
            browser.waitUpTo(WAIT).until(d -> labelEditing());
        } catch (RuntimeException e) {
            browser.screenshot("failure-label");
            throw e;
        }
        new Actions(browser.driver()).sendKeys(text).perform(); // the label editor has the keyboard
        clickEmptyCanvas();
    }

    private boolean labelEditing() {
        return Boolean.TRUE.equals(browser.driver().executeScript(
                "const active = document.activeElement;"
                + " return active !== null && active.classList.contains('djs-direct-editing-content')"
                + " && active.closest(arguments[0]) !== null;", host));
    }

    /** Clicks where the canvas is empty, which ends any editing and clears the selection. */
    void clickEmptyCanvas() {
        var canvas = browser.element(host + " .atrium-bpmn-canvas");
        int half = canvas.getRect().getHeight() / 2;
        new Actions(browser.driver()).moveToElement(canvas, 0, half - 20).click().perform();
    }

    /** Clicks the element, which selects it and shows its context pad and properties. */
    void select(String elementId) {
        if (elementId.equals(selected())) {
            return; // a click on the selected element would unselect it
        }
        var visual = browser.element(host + " .djs-element[data-element-id='" + elementId + "'] .djs-visual > *");
        new Actions(browser.driver()).moveToElement(visual).click().perform();
        try {
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> elementId.equals(selected()));
        } catch (RuntimeException e) {
            browser.screenshot("failure-select");
            throw e;
        }
    }

    /** Changes the element's type through the context pad's wrench, e.g. {@code replace-with-user-task}. Answers its id. */
    String replace(String elementId, String entry) {
        String wanted = ".djs-popup .entry[data-id='" + entry + "']";
        select(elementId);
        var wrench = browser.element(host + " .djs-context-pad .entry[data-action='replace']");
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> wrench.isDisplayed());
        pause(300); // the pad is placed once the canvas has settled after the selection
        // The driver's pointer click on the wrench is taken by the pad but the menu it opens
        // closes at once, in headless Chromium only; the element's own click opens it as a
        // person's click does in a real browser.
        browser.driver().executeScript("arguments[0].click()", wrench);
        try {
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(wanted)).isEmpty());
        } catch (RuntimeException e) {
            browser.screenshot("failure-replace");
            browser.consoleMessages().forEach(System.out::println);
            throw e;
        }
        browser.click(wanted);
        return selected();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The id of the flow that leaves the element. */
    String outgoingFlow(String elementId) {
        return (String) browser.driver().executeScript("""
                const bpmn = document.querySelector(arguments[0])._bpmn;
                const element = bpmn.get('elementRegistry').get(arguments[1]);
                return element.outgoing.length ? element.outgoing[0].id : null;""", host, elementId);
    }

    /** The one selected element's id, or null. */
    String selected() {
        return (String) browser.driver().executeScript("""
                const selection = document.querySelector(arguments[0])._bpmn.get('selection').get();
                return selection.length === 1 ? selection[0].id : null;""", host);
    }

    /** The properties panel's entry, by its id. */
    WebElement entry(String entryId) {
        return browser.element(host + " [data-entry-id='" + entryId + "']");
    }

    /**
     * Puts a FEEL expression into an empty FEEL field of the panel as an analyst pastes it (typed
     * key by key by a driver, the editor's bracket closing and suggestions scramble the text).
     */
    void pasteFeel(String entryId, String text) {
        var editor = browser.element(host + " [data-entry-id='" + entryId + "'] .cm-content");
        new Actions(browser.driver()).click(editor).perform();
        browser.driver().executeScript("""
                const data = new DataTransfer();
                data.setData('text/plain', arguments[1]);
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true,
                    cancelable: true}));""", editor, text);
    }

    /**
     * Chooses an option of a dropdown of the panel. The driver's own selection changes what the
     * list shows without the change event a person's choice makes, so the choice is told as the
     * browser tells it.
     */
    void choose(String entryId, String value) {
        var select = browser.element(host + " [data-entry-id='" + entryId + "'] select");
        new org.openqa.selenium.support.ui.Select(select).selectByValue(value);
        browser.driver().executeScript("arguments[0].dispatchEvent(new Event('input', {bubbles: true})); arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", select);
    }

    /** What a FEEL field of the panel shows. */
    String feel(String entryId) {
        return browser.element(host + " [data-entry-id='" + entryId + "'] .cm-content").getText();
    }
}
