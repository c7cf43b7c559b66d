package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst finds and reopens what they built without typing an address: create and publish an
 * app, find it in the hub, reopen it (a reload keeps it), change it and publish the second version;
 * meanwhile another open session's navigation shows the new app without a reload. Its edit form,
 * designed from the hub, is an entry of its own that leads to its app and back.
 */
class DesignerHubBrowserIT extends PlatformTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog catalog;

    @Test
    void shouldFindReopenChangeAndRepublishAnAppFromTheHub() {
        try (var browser = new Browser("en-US"); var elsewhere = new Browser("ru-RU")) {
            elsewhere.signIn(port, "admin", ADMIN_PASSWORD);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            AppDesignerSteps.newApp(browser, port, "hub", "leads", "Leads", "Лиды");
            AppDesignerSteps.addField(browser, "string", "title", "Title");
            AppDesignerSteps.publishFirstVersion(browser);
            browser.waitForText("#app-status", "Published v1");
            // another open session shows the new app in its navigation without a reload, in its language
            elsewhere.waitForText("vaadin-side-nav", "Лиды");
            elsewhere.screenshot("navigation-updated-live");

            browser.navigate("designer");
            browser.type("#hub-search input", "hub/lea");
            browser.waitForText("#hub-total", "Showing 1 of");
            browser.waitForText("#designer-hub vaadin-grid", "Leads");
            browser.waitForText("#designer-hub vaadin-grid", "Published v1");
            browser.screenshot("hub");
            browser.click("#hub-design-app-hub-leads");

            browser.waitForText("#app-status", "Published v1");
            browser.driver().navigate().refresh();
            browser.waitForText("#app-status", "Published v1");
            assertThat(browser.element("#app-code input").getDomProperty("value")).isEqualTo("leads");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/designer/apps/hub/leads");

            AppDesignerSteps.addField(browser, "number", "budget", "Budget");
            browser.click("#save-draft");
            browser.waitForText("#app-status", "Changed since v1");
            browser.click("#publish");
            browser.waitForText("#app-status", "Published v2");
            browser.click("#back-to-hub");
            browser.waitForText("#designer-hub vaadin-grid", "Published v2");
            browser.screenshot("hub-v2");

            // the app's edit form, designed from the hub, is an entry of its own, part of the app
            browser.click("#hub-forms-app-hub-leads");
            browser.element("#form-designer");
            browser.click("#publish-form");
            browser.waitForText("vaadin-notification-card", "Published version 1");
            browser.navigate("designer");
            browser.type("#hub-search input", "hub/leads#");
            browser.waitForText("#hub-total", "Showing 1 of");
            browser.waitForText("#designer-hub vaadin-grid", "Edit form");
            browser.waitForText("#designer-hub vaadin-grid", "Published v1");
            assertThat(browser.element("#hub-up-form-hub-leads-edit-app-hub-leads").getText()).isEqualTo("Leads");
            // the search matches the kind's name, and what a definition is part of
            browser.type("#hub-search input", "form");
            waitUntilGone(browser, "hub-design-app-hub-leads"); // apps are no forms
            browser.element("#hub-design-form-hub-leads-edit");
            browser.type("#hub-search input", "Leads");
            browser.element("#hub-design-app-hub-leads");
            browser.element("#hub-design-form-hub-leads-edit");
            browser.waitForText("#hub-total", "Showing 2 of");
            browser.screenshot("hub-app-and-form");

            // the form leads to its app, and the app to its form
            browser.click("#hub-up-form-hub-leads-edit-app-hub-leads");
            browser.waitForText("#app-status", "Published v2");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/designer/apps/hub/leads");
            browser.click("#back-to-hub");
            browser.click("#hub-down-app-hub-leads-form-hub-leads-edit");
            browser.element("#form-designer");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/designer/forms/hub/leads/edit");

            elsewhere.navigate("designer");
            elsewhere.type("#hub-search input", "форма");
            waitUntilGone(elsewhere, "hub-design-app-hub-leads");
            elsewhere.waitForText("#designer-hub vaadin-grid", "Форма редактирования");
            elsewhere.screenshot("hub-forms-ru");

            // the item list offers the way back into the designer to those who may design the app
            browser.open(port, "/apps/hub/leads");
            browser.click("#design-app");
            browser.waitForText("#app-status", "Published v2");
        }
        assertThat(catalog.current(new AppRef("hub", "leads")).orElseThrow().version()).isEqualTo(2);
    }

    /** Waits until no row shows the element; the grid may keep the components of rows it no longer shows. */
    private static void waitUntilGone(Browser browser, String id) {
        try {
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.id(id)).stream()
                    .noneMatch(WebElement::isDisplayed));
        } catch (RuntimeException e) {
            browser.screenshot("failure-" + id);
            throw e;
        }
    }
}
