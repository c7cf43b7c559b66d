package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the designers show and ask while an analyst edits: the form designer's drop zones while
 * dragging, its empty canvas and empty properties; a new field's name for now, to type over;
 * a question before anything is removed. Each screenshot is taken at a phone's and a desktop's
 * width (named name-language-width), and nothing may stick out sideways at either.
 */
class DesignerEditingBrowserIT extends PlatformTestSupport {

    private static final AppRef STUDIO = new AppRef("studio", "bookings");
    private static final int[][] SIZES = {{390, 844}, {1440, 900}};

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;

    private Browser browser;

    @Test
    void shouldShowWhereADraggedElementLandsAndTakeADropOnTheEmptyCanvas() {
        publishStudio();
        try (var b = new Browser("en-US")) {
            browser = b;
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/designer/forms/studio/bookings/edit");
            browser.waitForText("#properties-hint", "Select an element on the canvas to edit its properties.");
            browser.click("#clear-form");
            browser.waitForText("#empty-canvas", "The form is empty. Drag a field or a layout element from the"
                    + " palette here, or click one to add it.");
            shot("form-designer-empty-en", "#empty-canvas");

            // while a field is dragged, the canvas shows where it can land and the place under it says so
            var entry = browser.element("#palette-field-guest");
            fire(entry, "dragstart");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> canvasClasses().contains("dragging"));
            var empty = browser.element("#empty-canvas");
            fire(empty, "dragenter");
            fire(empty, "dragover");
            assertThat(empty.getDomAttribute("class")).contains("v-drag-over-target");
            shot("form-designer-dragging-empty-en", "#empty-canvas");
            drop(empty, entry);
            browser.element("#form-canvas [data-element='field-1']");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !canvasClasses().contains("dragging"));
            assertThat(slotHeight("", 0)).as("a slot while nothing is dragged").isLessThan(20);

            // a block by click: it is named for now, and its title is ready to be typed over
            browser.click("#palette-block");
            browser.element("#form-canvas [data-element='block-1']");
            browser.waitForText("[data-element='block-1'] .element-caption", "New block 1");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "prop-title-en".equals(focusedInput()));
            assertThat(selectedText()).isEqualTo("New block 1");
            browser.driver().switchTo().activeElement().sendKeys("Stay", Keys.TAB);
            browser.waitForText("[data-element='block-1'] .element-caption", "Stay");

            // a drag over a form with elements: every slot grows, the one under the pointer says "Drop here"
            var note = browser.element("#palette-field-note");
            fire(note, "dragstart");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> slotHeight("block-1", 0) >= 28);
            var intoBlock = slot("block-1", 0);
            fire(intoBlock, "dragenter");
            fire(intoBlock, "dragover");
            assertThat(browser.driver().executeScript(
                    "return getComputedStyle(arguments[0], '::after').content", intoBlock)).isEqualTo("\"Drop here\"");
            shot("form-designer-dragging-en", "[data-element='block-1']");
            drop(intoBlock, note);
            browser.element("[data-element='block-1'] [data-element='field-2']");

            // the keyboard: Enter on a palette entry adds it after the selection
            browser.element("#palette-text").sendKeys(Keys.ENTER);
            browser.element("#form-canvas [data-element='text-1']");

            // removing asks first; Cancel keeps the block, Remove takes it with what it holds
            select("block-1");
            browser.click("#remove-element");
            assertThat(dialogHeader()).isEqualTo("Remove “Stay” from the form?");
            shot("form-designer-remove-en", null);
            browser.clickDeep("[slot='cancel-button']");
            waitUntilNoDialog();
            browser.element("#form-canvas [data-element='block-1']");
            browser.click("#remove-element");
            dialogHeader();
            browser.clickDeep("[slot='confirm-button']");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(
                    "#form-canvas [data-element='block-1']")).isEmpty());
            browser.waitForText("#properties-hint", "Select an element");
        }
    }

    @Test
    void shouldNameANewFieldForNowAndAskBeforeRemovingIt() {
        try (var b = new Browser("en-US")) {
            browser = b;
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            AppDesignerSteps.newApp(browser, port, "studio", "rooms", "Rooms", "Залы");
            browser.waitForText("#field-grid", "No fields yet. Choose a type under “Add a field” to add the first one.");
            browser.waitForText("#field-properties-hint", "Select a field in the list to edit its properties.");

            browser.click("#add-string");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "field-name-en".equals(focusedInput()));
            assertThat(selectedText()).isEqualTo("New field 1");
            assertThat(value("#field-code")).isEqualTo("newField1");
            // what the analyst types replaces the name, and the code follows it
            browser.driver().switchTo().activeElement().sendKeys("Room name");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "roomName".equals(value("#field-code")));
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            browser.waitForText("#field-grid", "Room name");

            browser.click("#add-number");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "newField2".equals(value("#field-code")));
            browser.type("#field-code input", "seats"); // a code typed by hand stays as typed
            browser.type("#field-name-en input", "Seats");
            browser.waitForText("#field-grid", "Seats"); // the list is drawn anew with every change
            assertThat(value("#field-code")).isEqualTo("seats");

            var remove = removeButton("Remove field “Room name”");
            assertThat(remove.getDomAttribute("aria-label")).isEqualTo("Remove field “Room name”");
            remove.click();
            assertThat(dialogHeader()).isEqualTo("Remove field “Room name”?");
            shot("app-designer-remove-en", null);
            browser.clickDeep("[slot='cancel-button']");
            waitUntilNoDialog();
            browser.waitForText("#field-grid", "Room name");
            removeButton("Remove field “Room name”").click();
            dialogHeader();
            browser.clickDeep("[slot='confirm-button']");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("field-grid")).getText()
                    .contains("Room name"));
            assertThat(browser.element("#field-grid").getText()).contains("Seats");
        }
    }

    @Test
    void shouldSpeakRussianInTheDesigners() {
        publishStudio();
        try (var b = new Browser("ru-RU")) {
            browser = b;
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            AppDesignerSteps.newApp(browser, port, "studio", "halls", "Halls", "Залы");
            browser.waitForText("#field-grid", "Полей пока нет.");
            browser.click("#add-date");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "field-name-ru".equals(focusedInput()));
            assertThat(selectedText()).isEqualTo("Новое поле 1");
            assertThat(value("#field-code")).isEqualTo("novoePole1");
            browser.driver().switchTo().activeElement().sendKeys("Дата открытия", Keys.TAB);
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> "dataOtkrytiya".equals(value("#field-code")));
            removeButton("Удалить поле «Дата открытия»").click();
            assertThat(dialogHeader()).isEqualTo("Удалить поле «Дата открытия»?");
            shot("app-designer-remove-ru", null);
            browser.clickDeep("[slot='cancel-button']");
            waitUntilNoDialog();

            browser.open(port, "/designer/forms/studio/bookings/edit");
            browser.waitForText("#properties-hint", "Выберите элемент на форме, чтобы изменить его свойства.");
            browser.click("#clear-form");
            browser.waitForText("#empty-canvas", "Форма пуста.");
            shot("form-designer-empty-ru", "#empty-canvas");
            browser.click("#palette-tabs");
            browser.waitForText("[data-element='tab-1-1'] .element-caption", "Новая вкладка 1");
            var entry = browser.element("#palette-field-guest");
            fire(entry, "dragstart");
            var slot = slot("tab-1-1", 0);
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> slotHeight("tab-1-1", 0) >= 28);
            fire(slot, "dragenter");
            fire(slot, "dragover");
            shot("form-designer-dragging-ru", "[data-element='tab-1-1']");
            drop(slot, entry);
            browser.element("[data-element='tab-1-1'] [data-element='field-1']");
            select("tab-1-1");
            browser.click("#remove-element");
            assertThat(dialogHeader()).isEqualTo("Убрать «Новая вкладка 1» с формы?");
            browser.clickDeep("[slot='cancel-button']");
            waitUntilNoDialog();
        }
    }

    private void publishStudio() {
        if (apps.current(STUDIO).isPresent()) {
            return;
        }
        apps.saveDraft(new AppDefinition(STUDIO, new LocalizedText("Bookings", "Брони"), List.of(
                new FieldDefinition("guest", FieldType.STRING, new LocalizedText("Guest", "Гость"), true, false,
                        false, false, null, false, null, null, null, null, null),
                new FieldDefinition("note", FieldType.TEXT, new LocalizedText("Note", "Заметка"), false, false,
                        false, false, null, false, null, null, null, null, null))), "admin");
        apps.publish(STUDIO, "admin");
    }

    /** One HTML5 drag event, as a person's mouse would produce it (see {@link Browser#dragAndDrop}). */
    private void fire(WebElement element, String type) {
        browser.driver().executeScript("""
                window.__atriumDrag = window.__atriumDrag || new DataTransfer();
                arguments[0].dispatchEvent(new DragEvent(arguments[1],
                    {bubbles: true, cancelable: true, dataTransfer: window.__atriumDrag}));""", element, type);
    }

    /** Drops on the target and ends the drag at once, as a browser does before the page can change. */
    private void drop(WebElement target, WebElement source) {
        browser.driver().executeScript("""
                for (const [element, type] of [[arguments[0], 'drop'], [arguments[1], 'dragend']]) {
                  element.dispatchEvent(new DragEvent(type,
                      {bubbles: true, cancelable: true, dataTransfer: window.__atriumDrag}));
                }""", target, source);
    }

    private WebElement slot(String parent, int index) {
        return browser.element(".drop-slot[data-parent='" + parent + "'][data-index='" + index + "']");
    }

    private long slotHeight(String parent, int index) {
        return ((Number) browser.driver().executeScript("return arguments[0].getBoundingClientRect().height",
                slot(parent, index))).longValue();
    }

    private String canvasClasses() {
        return browser.element("#form-canvas").getDomAttribute("class");
    }

    private void select(String id) {
        browser.click("[data-element='" + id + "'] .element-caption");
        browser.element("#element-properties[data-element='" + id + "']");
    }

    private String focusedInput() {
        return AppDesignerSteps.focusedInput(browser);
    }

    private String selectedText() {
        return (String) browser.driver().executeScript("const i = document.activeElement;"
                + " return i.value.substring(i.selectionStart, i.selectionEnd);");
    }

    private String value(String css) {
        return browser.element(css).getDomProperty("value");
    }

    private WebElement removeButton(String label) {
        return browser.element("#field-grid .remove-button[aria-label='" + label + "']");
    }

    /** The question of the confirmation that is open, once it shows. */
    private String dialogHeader() {
        return browser.waitUpTo(Duration.ofSeconds(10)).until(d -> (String) browser.driver().executeScript(
                OPEN_DIALOG + " const yes = d && d.querySelector(\"[slot='confirm-button']\");"
                        + " return yes && yes.getBoundingClientRect().width > 0 ? d.header : null;"));
    }

    private void waitUntilNoDialog() {
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                OPEN_DIALOG + " return !d;")));
    }

    private static final String OPEN_DIALOG =
            "const d = [...document.querySelectorAll('vaadin-confirm-dialog#confirm-remove')].find(x => x.opened);";

    /** Screenshots at both widths, the element {@code showing} (if any) in the middle; the test goes on at a desktop's. */
    private void shot(String name, String showing) {
        for (int[] size : SIZES) {
            browser.resize(size[0], size[1]);
            if (showing != null) {
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})",
                        browser.driver().findElement(By.cssSelector(showing)));
            }
            try {
                Thread.sleep(300); // the page has laid itself out again: the picture is for people
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            browser.screenshot(name + "-" + size[0]);
            assertThat(SidewaysOverflow.of(browser)).as("sticking out of " + name + " at " + size[0]).isEmpty();
        }
    }
}
