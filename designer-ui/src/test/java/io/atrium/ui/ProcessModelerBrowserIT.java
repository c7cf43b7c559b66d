package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst draws a process in the modeler without typing a job type or XML: a new process from
 * the hub, a user task and the "Create item" block dropped on the flow, the block's App and Values
 * filled in the properties panel. A FEEL mistake in Values shows on the block when publishing;
 * corrected, the process publishes as version 1 with the block's settings in the file.
 */
class ProcessModelerBrowserIT extends PlatformTestSupport {

    private static final String VALUES = "custom-entry-io.atrium.block.create-item-settings-1";
    private static final String APP = "custom-entry-io.atrium.block.create-item-settings-0";

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    ProcessCatalog processes;

    @Test
    void shouldDrawAProcessWithABlockShowAPublishProblemOnItAndPublish() {
        var app = new AppRef("pm", "offers");
        apps.saveDraft(new AppDefinition(app, new LocalizedText("Offers", "Предложения"), List.of(
                FieldDefinition.of("title", FieldType.STRING), FieldDefinition.of("amount", FieldType.NUMBER))),
                "admin");
        apps.publish(app, "admin");
        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            ModelerSteps.createProcess(browser, "pm", "Offer intake", "offer-intake");

            var modeler = new ModelerSteps(browser, "#process-modeler");
            modeler.waitFor("StartEvent_1");
            String review = modeler.dropOnFlow("create.task", "Flow_start");
            assertThat(review).as("the new task").isNotNull();
            modeler.name(review, "Review offer");
            review = modeler.replace(review, "replace-with-user-task");
            // the block is a ready choice in the palette: no job type to type
            String create = modeler.dropOnFlow("atrium-block-create-item", modeler.outgoingFlow(review));
            modeler.name(create, "Create offer");
            modeler.select(create);
            browser.waitForText("#process-modeler .bio-properties-panel-header", "Create offer");
            assertThat(browser.element("#process-modeler .bio-properties-panel-header").getDomProperty("textContent"))
                    .as("the panel names the block").contains("Create item");
            assertThat(modeler.entry(VALUES).getText()).contains("Field codes by app"); // the first apps by name are named
            browser.screenshot("process-modeler-block");

            // no app chosen yet: publishing shows the problem on the block
            browser.click("#process-publish");
            browser.waitForText("#process-problems", create);
            browser.waitForText("#process-modeler .atrium-problem-note", "app");
            assertThat(modeler.shape(create).getAttribute("class")).contains("atrium-problem");
            assertThat(processes.current(new ProcessRef("pm", "offer-intake"))).isEmpty();
            browser.screenshot("process-publish-problem");

            modeler.select(create);
            modeler.choose(APP, "pm/offers");
            modeler.pasteFeel(VALUES, "{title: \"Offer for \" + customer, amount: 100}");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> modeler.feel(VALUES)
                    .equals("{title: \"Offer for \" + customer, amount: 100}"));
            browser.click("#process-check");
            browser.waitForText("vaadin-notification-card", "No problems found");
            browser.click("#process-publish");
            browser.waitForText("vaadin-notification-card", "Published version 1");
            browser.waitForText("#process-status", "Published v1");
            assertThat(browser.driver().findElements(By.cssSelector("#process-modeler .atrium-problem-note"))).isEmpty();
            modeler.select(create);
            browser.waitForText("#process-modeler .bio-properties-panel-header", "Create offer");
            browser.screenshot("process-designer-block-1440-en");
            modeler.clickEmptyCanvas();
            browser.screenshot("process-designer-1440-en");

            // the published version, read-only, from the versions
            browser.click("#process-versions");
            browser.waitForText("#process-versions", "v1");
            browser.click("#process-version-view-1");
            new ModelerSteps(browser, "#process-version-viewer").waitFor(create);
            browser.screenshot("process-version-view");
            browser.driver().findElement(By.cssSelector("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.resize(390, 844);
            browser.driver().navigate().refresh();
            new ModelerSteps(browser, "#process-modeler").waitFor(create);
            browser.screenshotWhole("process-designer-390-en");
        }
        try (var browser = new Browser("ru-RU")) {
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/designer/processes/pm/offer-intake");
            var modeler = new ModelerSteps(browser, "#process-modeler");
            modeler.waitFor("StartEvent_1");
            browser.waitForText("#process-status", "Опубликована");
            browser.screenshot("process-designer-1440-ru");
            browser.resize(390, 844);
            browser.driver().navigate().refresh();
            modeler.waitFor("StartEvent_1");
            browser.screenshotWhole("process-designer-390-ru");
            assertThat(SidewaysOverflow.of(browser)).as("what sticks out on a phone").isEmpty();
        }
        var published = processes.current(new ProcessRef("pm", "offer-intake")).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        String bpmn = published.definition().bpmn();
        assertThat(bpmn).contains("<bpmn:userTask").contains("type=\"atrium:create-item\"")
                .contains("key=\"app\" value=\"pm/offers\"")
                .contains("target=\"values\"").contains("zeebe:modelerTemplate=\"io.atrium.block.create-item\"")
                .contains("Offer for").contains("name=\"Create offer\"");
    }
}
