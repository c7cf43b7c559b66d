package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The script editor as a developer uses it: a new module from the hub, the editor's own type
 * errors and SDK completion as they type, publishing refused with the compiler's line and
 * column, and a run of the published function with its result, logs and time; in both languages
 * and at both widths.
 */
class ScriptEditorBrowserIT extends PlatformTestSupport {

    private static final Duration MONACO = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private static void setSource(Browser browser, String source) {
        browser.driver().executeScript("document.querySelector('atrium-script-editor')._editor.setValue(arguments[0])",
                source);
    }

    @Test
    void shouldWriteCheckPublishAndRunAModule() {
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/designer");
            browser.click("#hub-new-script");
            browser.element("#new-script-workspace input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "lab", Keys.ENTER);
            browser.type("#new-script-code input", "greet");
            browser.click("#new-script-create");
            browser.waitUpTo(Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/designer/scripts/lab/greet"));
            browser.waitUpTo(MONACO).until(d -> !d.findElements(By.cssSelector("#script-source .monaco-editor"))
                    .isEmpty());
            browser.waitForText("#script-editor", "Not published yet");

            // the language service in the browser sees the type error as it is typed
            setSource(browser, """
                    import { items, log } from 'atrium';

                    export function run(input: { name: string }) {
                      const count: number = 'many';
                      log.info('hello ' + input.name);
                      return { greeting: 'Hello, ' + input.name };
                    }
                    """);
            browser.waitUpTo(MONACO).until(d -> d.findElement(By.id("script-client-errors")).getText().equals("1 error in the editor"));

            // completion offers the SDK's members
            browser.driver().executeScript("""
                    const editor = document.querySelector('atrium-script-editor')._editor;
                    editor.setPosition({ lineNumber: 5, column: 1 });
                    editor.trigger('test', 'type', { text: 'items.' });
                    editor.trigger('test', 'editor.action.triggerSuggest', {});""");
            browser.waitUpTo(MONACO).until(d -> !d.findElements(By.cssSelector(".suggest-widget .monaco-list-row"))
                    .isEmpty() && d.findElement(By.cssSelector(".suggest-widget")).getText().contains("search"));
            browser.screenshot("script-editor-completion");
            new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
            browser.driver().executeScript("document.querySelector('atrium-script-editor')._editor.trigger('test', 'undo', {})");

            // the server's compiler refuses it with line and column
            browser.click("#publish-script");
            browser.waitForText("#script-problems", "greet.ts:4:");
            browser.waitForText("#script-problems", "TS2322");
            browser.screenshot("script-editor-problems");

            setSource(browser, """
                    import { log } from 'atrium';

                    export function run(input: { name: string }) {
                      log.info('hello ' + input.name);
                      return { greeting: 'Hello, ' + input.name };
                    }
                    """);
            browser.waitUpTo(MONACO).until(d -> d.findElement(By.id("script-client-errors")).getText().isEmpty());
            browser.click("#publish-script");
            browser.waitForText("#script-editor", "Published version 1");
            assertThat(browser.driver().findElement(By.id("script-problems")).getText()).isEmpty();

            browser.driver().executeScript("""
                    const area = document.querySelector('#run-input textarea');
                    area.value = '{"name": "Ann"}';
                    area.dispatchEvent(new Event('input', { bubbles: true }));
                    area.dispatchEvent(new Event('change', { bubbles: true }));""");
            browser.click("#run-script");
            browser.waitForText("#run-result", "Hello, Ann");
            browser.waitForText("#run-logs", "hello Ann");
            assertThat(browser.element("#run-took").getText()).matches("Took [0-9.]+ ms");
            browser.screenshot("script-editor-run-1440");

            // a schedule for the published function, run by hand once
            browser.waitForText("#schedules-empty", "No schedules yet");
            browser.type("#schedule-name input", "Nightly greeting");
            browser.type("#schedule-cron input", "0 0 3 * * *");
            browser.click("#schedule-add");
            browser.waitForText("#schedules", "Nightly greeting");
            browser.waitForText("#schedules", "0 0 3 * * * · UTC");
            browser.click("#schedules vaadin-button[aria-label='Run now']");
            browser.waitForText("#schedules", "Ran ");
            browser.screenshot("script-editor-schedules-1440");
            browser.resize(390, 844);
            browser.screenshot("script-editor-run-390");
        }
    }

    @Test
    void shouldSpeakRussianAndListTheModuleInTheHub() {
        try (var browser = new Browser("ru-RU")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/designer/scripts");
            browser.waitForText("#new-script", "Новый скрипт");
            browser.element("#new-script-workspace input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "lab", Keys.ENTER);
            browser.type("#new-script-code input", "hello-ru");
            browser.click("#new-script-create");
            browser.waitUpTo(MONACO).until(d -> !d.findElements(By.cssSelector("#script-source .monaco-editor"))
                    .isEmpty());
            browser.waitForText("#run-panel", "Запустить");
            browser.screenshot("script-editor-ru-1440");
            browser.open(port, "/designer");
            browser.waitForText("#designer-hub", "hello-ru");
            for (String text : List.of("Скрипт")) {
                browser.waitForText("#designer-hub", text);
            }
        }
    }
}
