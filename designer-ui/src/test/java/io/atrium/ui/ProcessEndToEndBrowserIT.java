package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.AppGrant;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.ProcessInstances;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole way of a process, as the people do it, with nothing made behind their backs but the
 * apps and the operator's account: the analyst creates a process, designs the form of its review
 * step, draws start → "Task with a form" → "Create item" → end in the modeler, picks the form,
 * the group and the app in the properties panel and publishes; the operator starts it with the
 * button on a deal's card, finds the task in the inbox, claims it, changes the amount and
 * completes it; the offer is created from what the operator entered.
 */
class ProcessEndToEndBrowserIT extends PlatformTestSupport {

    private static final AppRef DEALS = new AppRef("e2e", "deals");
    private static final AppRef OFFERS = new AppRef("e2e", "offers");
    private static final ProcessRef REVIEW = new ProcessRef("e2e", "deal-review");
    private static final String TASK_FORM = "atrium:e2e/deals#task@process:e2e/deal-review/review";
    private static final String FORM = "custom-entry-io.atrium.block.user-task-settings-0";
    private static final String GROUPS = "custom-entry-io.atrium.block.user-task-settings-1";
    private static final String APP = "custom-entry-io.atrium.block.create-item-settings-0";
    private static final String VALUES = "custom-entry-io.atrium.block.create-item-settings-1";
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    ProcessCatalog processes;
    @Autowired
    ProcessInstances instances;
    @Autowired
    Items items;
    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;
    @Autowired
    AccessPolicy access;

    @Test
    void shouldDrawPublishStartFromACardAndCompleteInTheInbox() throws Exception {
        seed();
        String deal = items.create(ADMIN, DEALS, Map.of("name", "Fabrikam", "amount", 500)).id();

        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            ModelerSteps.createProcess(browser, "e2e", "Deal review", "deal-review");
            var modeler = new ModelerSteps(browser, "#process-modeler");
            modeler.waitFor("StartEvent_1");

            // the review step's form, designed before it is drawn
            browser.click("#process-task-forms");
            browser.element("#task-forms-empty");
            browser.type("#task-form-step input", "review");
            browser.pick("#task-form-app", "Deals (e2e/deals)");
            browser.screenshot("e2e-task-forms");
            browser.click("#task-form-create");
            browser.waitUpTo(WAIT).until(d -> d.getCurrentUrl().contains("/designer/forms/e2e/deals/task?owner="));
            browser.waitForText("#form-designer h2", "review");
            browser.screenshot("e2e-task-form-designer");
            browser.click("#publish-form");
            browser.waitForText("vaadin-notification-card", "Published version 1");
            browser.click("#back-to-process");
            modeler.waitFor("StartEvent_1");

            String review = modeler.dropOnFlow("atrium-block-user-task", "Flow_start");
            assertThat(review).as("the new task").isNotNull();
            modeler.name(review, "Review deal");
            modeler.select(review);
            modeler.choose(FORM, TASK_FORM);
            browser.type("#process-modeler [data-entry-id='" + GROUPS + "'] input", "e2e-sales");
            browser.screenshot("e2e-task-settings");
            String create = modeler.dropOnFlow("atrium-block-create-item", modeler.outgoingFlow(review));
            modeler.name(create, "Create offer");
            modeler.select(create);
            modeler.choose(APP, OFFERS.toString());
            modeler.pasteFeel(VALUES, "{title: \"Offer for \" + name, amount: amount}");
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> modeler.feel(VALUES)
                    .equals("{title: \"Offer for \" + name, amount: amount}"));
            browser.click("#process-publish");
            browser.waitForText("#process-status", "Published v1");
            modeler.clickEmptyCanvas();
            browser.screenshot("e2e-process-published");
        }
        var published = processes.current(REVIEW).orElseThrow().definition().bpmn();
        assertThat(published).contains("<bpmn:userTask", "<zeebe:userTask", "externalReference=\"" + TASK_FORM + "\"",
                "candidateGroups=\"e2e-sales\"", "type=\"atrium:create-item\"");

        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "e2e-olga", "closes-deals-2026");
            browser.open(port, "/apps/e2e/deals/" + deal);
            browser.click("#action-start-review");
            browser.waitForText("vaadin-notification-card", "The process e2e/deal-review has started (instance ");
            browser.navigate("tasks");
            browser.waitForText("#tasks-list", "Review deal");
            browser.click(".task-card .task-card-name");
            browser.click("#task-claim");
            browser.element("#task-unclaim");
            assertThat(browser.element("#field-name input").getDomProperty("value")).isEqualTo("Fabrikam");
            browser.type("#field-amount input", "450");
            browser.screenshot("e2e-task");
            browser.click("#task-complete");
            browser.element("#tasks-empty");
        }

        var offer = awaitOffer("Offer for Fabrikam");
        assertThat(((Number) offer.get("amount")).intValue()).isEqualTo(450);
        assertThat(((Number) items.get(ADMIN, DEALS, deal).values().get("amount")).intValue())
                .as("the task form saved the deal").isEqualTo(450);
    }

    private Map<String, Object> awaitOffer(String title) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var found = items.search(ADMIN, OFFERS, ItemQuery.all(100)).items().stream()
                    .map(item -> item.values()).filter(values -> title.equals(values.get("title"))).toList();
            if (!found.isEmpty()) {
                assertThat(found).as("one offer, created once").hasSize(1);
                return found.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No offer " + title + " was created");
    }

    /** Two apps, the deal card's button, a sales operator; what the analyst does is left to the test. */
    private void seed() {
        groups.create("e2e-sales", "Sales");
        users.create("e2e-olga", "Olga Sales", "closes-deals-2026", Set.of(Role.OPERATOR), Set.of("e2e-sales"));
        apps.saveDraft(new AppDefinition(DEALS, new LocalizedText("Deals", "Сделки"), List.of(
                FieldDefinition.of("name", FieldType.STRING), FieldDefinition.of("amount", FieldType.NUMBER))),
                "admin");
        apps.publish(DEALS, "admin");
        apps.saveDraft(new AppDefinition(OFFERS, new LocalizedText("Offers", "Предложения"), List.of(
                FieldDefinition.of("title", FieldType.STRING), FieldDefinition.of("amount", FieldType.NUMBER))),
                "admin");
        apps.publish(OFFERS, "admin");
        access.setRules(ADMIN, DEALS, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ, Permission.UPDATE), ItemScope.ALL)), null, null));
        var card = new FormRef(DEALS, FormPurpose.EDIT);
        forms.saveDraft(ADMIN, new FormDefinition(card, new LocalizedText("Deal", "Сделка"), List.of(
                new FormElement.Field("f-name", "name", null, null, false, false, null, null),
                new FormElement.Field("f-amount", "amount", null, null, false, false, null, null),
                new FormElement.Button("start-review", new LocalizedText("Send for review", "На проверку"),
                        "process:e2e/deal-review", null, null))));
        forms.publish(ADMIN, card);
    }
}
