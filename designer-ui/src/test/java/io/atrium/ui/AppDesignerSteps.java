package io.atrium.ui;

/** What an analyst does in the app designer, step by step, for the browser tests. */
final class AppDesignerSteps {

    private AppDesignerSteps() {
    }

    /** Opens an empty designer and names a new app. */
    static void newApp(Browser browser, int port, String namespace, String code, String en, String ru) {
        browser.open(port, "/designer/apps");
        browser.type("#app-namespace input", namespace);
        browser.type("#app-code input", code);
        browser.type("#app-name-en input", en);
        browser.type("#app-name-ru input", ru);
    }

    /** Adds a field from the palette, e.g. {@code string}, and gives it a code and an English name. */
    static void addField(Browser browser, String type, String code, String nameEn) {
        browser.click("#add-" + type);
        // the new field is shown once its name has the keyboard
        browser.waitUpTo(java.time.Duration.ofSeconds(30)).until(d -> focusedInput(browser).startsWith("field-name-"));
        browser.type("#field-code input", code);
        browser.type("#field-name-en input", nameEn);
    }

    /** Publishes the app, which in these tests is always its first version. */
    static void publishFirstVersion(Browser browser) {
        browser.click("#publish");
        browser.waitForText("vaadin-notification-card", "Published version 1");
    }

    /** The id of the Vaadin text input that has the keyboard, or "" if none has it. */
    static String focusedInput(Browser browser) {
        return (String) browser.driver().executeScript(
                "const f = document.activeElement && document.activeElement.closest('vaadin-text-field');"
                        + " return f ? f.id : '';");
    }
}
