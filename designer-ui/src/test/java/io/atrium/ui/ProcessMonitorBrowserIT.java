package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.identity.Role;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.ProcessInstances;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator of the platform watches a process instance: it stops at "Create ticket" because the
 * app it writes to is not published yet (an incident, marked on the diagram, with the error); once
 * the app is published, Retry lets it go on, and the view, refreshing on its own, marks the user
 * task it now stands at and what it passed. The list filters by process and by open incidents.
 */
class ProcessMonitorBrowserIT extends PlatformTestSupport {

    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private static final ProcessRef PROCESS = new ProcessRef("mon", "ticket-intake");

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    ProcessCatalog processes;
    @Autowired
    ProcessInstances instances;

    @Test
    void shouldMarkWhereAnInstanceStandsAndRetryItsIncident() throws IOException {
        // given a published process whose first block writes to an app that does not exist yet
        String bpmn;
        try (var in = getClass().getResourceAsStream("ProcessMonitorBrowserIT.bpmn")) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        processes.saveDraft(ADMIN, new ProcessDefinition(PROCESS, "Ticket intake", bpmn));
        processes.publish(ADMIN, PROCESS);
        long key = instances.start(ADMIN, PROCESS, Map.of("customer", "Ann")).key();

        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.navigate("processes/instances");
            browser.element("#process-instances");
            browser.check("#instances-incidents");
            browser.pick("#instances-process", PROCESS.toString());
            browser.waitForText("#instances-grid", String.valueOf(key));
            browser.waitForText("#instances-grid", "Incident");
            browser.screenshot("process-instances-1440-en");
            browser.driver().findElements(By.cssSelector("#instances-grid vaadin-grid-cell-content")).stream()
                    .filter(cell -> cell.getText().equals(String.valueOf(key))).findFirst().orElseThrow().click();

            // the incident: on the diagram, and with its error below it
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/processes/instances/" + key));
            var diagram = new ModelerSteps(browser, "#instance-diagram");
            diagram.waitFor("CreateTicket");
            browser.waitForText("#instance-incidents", "mon/tickets");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> diagram.shape("CreateTicket").getAttribute("class")
                    .contains("atrium-incident"));
            assertThat(diagram.shape("StartEvent_1").getAttribute("class")).contains("atrium-passed");
            assertThat(diagram.shape("Flow_1").getAttribute("class")).contains("atrium-flow-taken");
            browser.waitForText("#instance-diagram .atrium-incident-note", "mon/tickets");
            browser.screenshot("process-instance-incident-1440-en");

            // the app arrives; retried, the instance goes on to the user task, and the view follows
            var tickets = new AppRef("mon", "tickets");
            apps.saveDraft(new AppDefinition(tickets, LocalizedText.of("Tickets"), List.of(
                    FieldDefinition.of("title", FieldType.STRING), FieldDefinition.of("reporter", FieldType.STRING))),
                    "admin");
            apps.publish(tickets, "admin");
            browser.click("#instance-incidents .incident-retry");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> diagram.shape("Triage").getAttribute("class")
                    .contains("atrium-active"));
            assertThat(diagram.shape("CreateTicket").getAttribute("class")).contains("atrium-passed")
                    .doesNotContain("atrium-incident");
            assertThat(diagram.shape("Flow_2").getAttribute("class")).contains("atrium-flow-taken");
            browser.waitForText("#instance-no-incidents", "No open incidents");
            browser.waitForText("#instance-variables", "ticketId");
            browser.waitForText("#instance-history", "Triage the ticket");
            browser.waitForText("#instance-state", "Active");
            browser.screenshotWhole("process-instance-1440-en");
            browser.resize(390, 844);
            browser.screenshotWhole("process-instance-390-en");
            assertThat(SidewaysOverflow.of(browser)).as("what sticks out on a phone").isEmpty();

            // cancel: the instance stops, the view says so
            browser.click("#instance-cancel");
            browser.click("#instance-cancel-confirm [slot=confirm-button]");
            browser.waitForText("#instance-state", "Canceled");
        }
        try (var browser = new Browser("ru-RU")) {
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/processes/instances/" + key);
            browser.waitForText("#instance-state", "Отменён");
            browser.screenshotWhole("process-instance-1440-ru");
            browser.open(port, "/processes/instances?process=" + PROCESS);
            browser.waitForText("#instances-grid", String.valueOf(key));
            browser.screenshot("process-instances-1440-ru");
            browser.resize(390, 844);
            browser.screenshotWhole("process-instances-390-ru");
        }
        assertThat(instances.get(ADMIN, key).orElseThrow().state().name()).isEqualTo("CANCELED");
    }
}
