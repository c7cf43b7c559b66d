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
import io.atrium.platform.item.Items;
import io.atrium.platform.notification.Notifications;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.runtime.process.task.ProcessTask;
import io.atrium.runtime.process.task.TaskInbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task inbox as people use it: an operator of the sales group opens the inbox, claims the
 * offer review, fills its Atrium form (a wrong e-mail first: the error shows at the field),
 * completes it, which saves the deal; the manager finds the approval through the bell and
 * approves it with a comment, which completes the process with the outcome. And every screen
 * at 390 and 1440 px in English and Russian.
 */
class InboxBrowserIT extends PlatformTestSupport {

    private static final AppRef DEALS = new AppRef("inbox", "deals");
    private static final ProcessRef OFFER = new ProcessRef("inbox", "offer");
    private static final FormRef TASK_FORM = new FormRef(DEALS, FormPurpose.TASK, "process:inbox/offer/review");
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int[][] SIZES = {{390, 844}, {1440, 900}};

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
    TaskInbox inbox;
    @Autowired
    Items items;
    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;
    @Autowired
    AccessPolicy access;
    @Autowired
    Notifications notifications;

    @Test
    void shouldCompleteAnOfferReviewWithItsFormAndApproveIt() throws Exception {
        seed();
        String deal = items.create(ADMIN, DEALS, Map.of("name", "Northwind Traders", "amount", 1200)).id();
        long key = instances.startAs("admin", OFFER, Map.of("itemId", deal)).key();
        awaitTask("inbox-olga", key);
        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "inbox-olga", "sells-offers-2026");
            browser.navigate("tasks");
            browser.waitForText("#tasks-list", "Review the offer");
            browser.screenshot("inbox-flow-list");
            browser.click(".task-card .task-card-name");
            browser.element("#task-claim");
            browser.click("#task-claim");
            browser.element("#task-unclaim");
            assertThat(browser.element("#task-facts").getText()).contains("Assigned to inbox-olga", "Commercial offer");

            browser.type("#field-contact input", "not-an-e-mail");
            browser.click("#task-complete");
            browser.waitUpTo(WAIT).until(d -> Boolean.TRUE.equals(browser.driver().executeScript(
                    "return document.querySelector('#field-contact').invalid")));
            assertThat(browser.element("#field-contact").getText()).contains("e-mail address like");
            browser.screenshot("inbox-flow-invalid");
            assertThat(inbox.get(ADMIN, taskOf("inbox-olga", key).id())).as("nothing completed").isPresent();

            browser.type("#field-contact input", "buyer@northwind.example");
            browser.type("#field-amount input", "1100");
            browser.click("#task-complete");
            browser.element("#tasks");
            browser.element("#tasks-empty");
        }
        var saved = items.get(ADMIN, DEALS, deal);
        assertThat(saved.values()).containsEntry("contact", "buyer@northwind.example");
        assertThat(((Number) saved.values().get("amount")).intValue()).isEqualTo(1100);

        var approval = awaitTask("inbox-boss", key);
        assertThat(approval.isApproval()).isTrue();
        notifications.markAllRead(actor("inbox-boss")); // what other tests sent is not this test's
        notifications.send("test:approve:" + key, "inbox-boss", "The offer for Northwind Traders waits for your approval",
                "/tasks/" + approval.id());
        try (var browser = new Browser("en-US")) {
            browser.resize(1440, 900);
            browser.signIn(port, "inbox-boss", "decides-on-offers-7");
            browser.waitForText("#notifications-count", "1");
            browser.click("#notifications-bell");
            browser.waitForText(".notification-entry", "waits for your approval");
            browser.screenshot("inbox-flow-bell");
            browser.click(".notification-entry");
            browser.waitForText("#approval-subject", "Offer for Northwind Traders");
            browser.type("#approval-comment textarea", "Fine at this price");
            browser.screenshot("inbox-flow-approval");
            browser.click("#approval-approve");
            browser.element("#tasks");
            assertThat(browser.driver().findElements(By.id("task-" + approval.id()))).as("decided, so gone").isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#notifications-count"))
                    .stream().noneMatch(e -> e.isDisplayed())).as("the notification was read").isTrue();
        }
        var done = awaitCompleted(key);
        assertThat(done.get("approved")).isEqualTo("true");
        assertThat(done.get("approvedComments")).contains("\"by\":\"inbox-boss\"", "Fine at this price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "ru-RU"})
    void shouldFitTheInboxScreensAtAPhonesAndADesktopsWidth(String locale) throws Exception {
        seed();
        String language = locale.substring(0, 2);
        String deal = items.create(ADMIN, DEALS, Map.of("name", "Contoso Pharmaceuticals International",
                "amount", 98000)).id();
        long key = instances.startAs("admin", OFFER, Map.of("itemId", deal)).key();
        var review = awaitTask("inbox-olga", key);
        var overflows = new LinkedHashMap<String, List<String>>();
        try (var browser = new Browser(locale)) {
            browser.signIn(port, "inbox-olga", "sells-offers-2026");
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                screen(browser, "/tasks", "#tasks .task-card", "inbox-list-" + size[0] + "-" + language, overflows);
                screen(browser, "/tasks/" + review.id(), "#task-form #field-contact",
                        "inbox-task-" + size[0] + "-" + language, overflows);
            }
        }
        inbox.complete(new Actor("inbox-olga", Set.of(Role.OPERATOR), Set.of("sales")), review.id(),
                Map.of("contact", "it@contoso.example"));
        var approval = awaitTask("inbox-boss", key);
        notifications.send("test:screens:" + key, "inbox-boss", "An offer waits for your approval",
                "/tasks/" + approval.id());
        try (var browser = new Browser(locale)) {
            browser.signIn(port, "inbox-boss", "decides-on-offers-7");
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                screen(browser, "/tasks/" + approval.id(), "#approval-panel #approval-approve",
                        "inbox-approval-" + size[0] + "-" + language, overflows);
                browser.click("#notifications-bell");
                browser.waitForText(".notification-entry", "approval");
                Thread.sleep(400);
                browser.screenshot("inbox-notifications-" + size[0] + "-" + language);
                browser.driver().executeScript("document.querySelector('vaadin-popover').opened = false");
            }
        }
        try (var browser = new Browser(locale)) {
            browser.signIn(port, "inbox-nina", "has-no-tasks-yet-7");
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                screen(browser, "/tasks", "#tasks-empty", "inbox-empty-" + size[0] + "-" + language, overflows);
            }
        }
        assertThat(overflows).as("what sticks out past the right edge, by screen").isEmpty();
    }

    private void screen(Browser browser, String path, String ready, String name, Map<String, List<String>> overflows)
            throws InterruptedException {
        browser.open(port, path);
        browser.element(ready);
        Thread.sleep(400);
        var found = SidewaysOverflow.of(browser);
        browser.screenshotWhole(name);
        if (!found.isEmpty()) {
            overflows.put(name, found);
        }
    }

    private ProcessTask awaitTask(String user, long key) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var found = inbox.open(actor(user), key, 10);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No task for " + user + " in instance " + key);
    }

    private ProcessTask taskOf(String user, long key) {
        return inbox.open(actor(user), key, 10).getFirst();
    }

    private Map<String, String> awaitCompleted(long key) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var instance = instances.get(ADMIN, key);
            if (instance.isPresent() && instance.get().state().name().equals("COMPLETED")) {
                return instance.get().variables();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Instance " + key + " did not complete");
    }

    private Actor actor(String user) {
        var account = users.findByUsername(user).orElseThrow();
        return new Actor(user, account.roles(), account.groups());
    }

    /** A deals app with a task form, the offer process, a sales operator, a manager; made once. */
    private void seed() throws IOException {
        if (!groups.exists("sales")) {
            groups.create("sales", "Sales");
        }
        if (users.findByUsername("inbox-olga").isEmpty()) {
            users.create("inbox-olga", "Olga Sales", "sells-offers-2026", Set.of(Role.OPERATOR), Set.of("sales"));
            users.create("inbox-boss", "Boris Manager", "decides-on-offers-7", Set.of(Role.SUPERVISOR));
            users.create("inbox-nina", "Nina New", "has-no-tasks-yet-7", Set.of(Role.OPERATOR));
        }
        if (apps.current(DEALS).isPresent()) {
            return;
        }
        apps.saveDraft(new AppDefinition(DEALS, new LocalizedText("Deals", "Сделки"), List.of(
                field("name", FieldType.STRING, "Deal", "Сделка").withRequired(true),
                field("contact", FieldType.EMAIL, "Buyer's e-mail", "Почта покупателя"),
                field("amount", FieldType.NUMBER, "Amount", "Сумма"))), "admin");
        apps.publish(DEALS, "admin");
        access.setRules(ADMIN, DEALS, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ, Permission.UPDATE), ItemScope.ALL)), null, null));
        forms.saveDraft(ADMIN, new FormDefinition(TASK_FORM, new LocalizedText("Offer review", "Проверка предложения"),
                List.of(new FormElement.Field("f-name", "name", null, null, false, true, null, null),
                        new FormElement.Field("f-contact", "contact", null, new LocalizedText(
                                "Where the offer goes", "Куда уйдёт предложение"), true, false, null, null),
                        new FormElement.Field("f-amount", "amount", null, null, false, false, null, null))));
        forms.publish(ADMIN, TASK_FORM);
        String bpmn;
        try (var in = InboxBrowserIT.class.getResourceAsStream("InboxBrowserIT.bpmn")) {
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        processes.saveDraft(ADMIN, new ProcessDefinition(OFFER, "Commercial offer", bpmn));
        processes.publish(ADMIN, OFFER);
    }

    private static FieldDefinition field(String code, FieldType type, String en, String ru) {
        return new FieldDefinition(code, type, new LocalizedText(en, ru), false, false, false, false, null, false,
                null, null, null, null, null);
    }
}
