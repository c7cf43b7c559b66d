package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.AppGrant;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An analyst defines and publishes an app in the designer; an operator creates, finds and edits an item. */
class AppsBrowserIT extends PlatformTestSupport {

    
    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;

    private Browser browser;

    @Test
    void shouldLetAnAnalystPublishAnAppAndAnOperatorWorkWithItsItems() {
        if (users.findByUsername("ana").isEmpty()) {
            users.create("ana", "Ana Analyst", "designer-secret-1", Set.of(Role.ANALYST));
            users.create("otto", "Otto Operator", "operator-secret-1", Set.of(Role.OPERATOR));
        }
        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "ana", "designer-secret-1");
            AppDesignerSteps.newApp(browser, port, "shop", "tickets", "Tickets", "Заявки");
            AppDesignerSteps.addField(browser, "string", "subject", "Subject");
            browser.check("#field-required");
            AppDesignerSteps.addField(browser, "number", "priority", "Priority");
            AppDesignerSteps.addField(browser, "choice", "channel", "Channel");
            var options = browser.element("#field-options textarea");
            options.sendKeys("email = E-mail | Почта", Keys.ENTER, "phone = Phone | Телефон", Keys.TAB);
            AppDesignerSteps.addField(browser, "date", "due", "Due date");
            browser.screenshot("designer-fields");

            AppDesignerSteps.publishFirstVersion(browser);
            browser.screenshot("designer-published");
        }

        access.setRules(new Actor("ana", Set.of(Role.ANALYST), null), new AppRef("shop", "tickets"),
                new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                        EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.ALL)), null, null));

        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "otto", "operator-secret-1");
            browser.navigate("apps/shop/tickets");
            browser.element("#item-list");
            browser.click("#new-item");
            browser.click("#save"); // nothing filled in: the card says what is missing, nothing is stored
            browser.waitForText("vaadin-notification-card", "Some fields need attention");
            assertThat(browser.element("#field-subject").getDomAttribute("invalid")).isNotNull();
            browser.type("#field-subject input", "Printer is jammed");
            browser.type("#field-priority input", "2");
            var channel = browser.element("#field-channel input");
            channel.sendKeys("Phone");
            channel.sendKeys(Keys.ENTER, Keys.TAB);
            browser.screenshot("card-new");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 1");

            browser.open(port, "/apps/shop/tickets");
            browser.type("#search input", "printer");
            browser.waitForText("#item-list vaadin-grid", "Printer is jammed");
            browser.screenshot("list-found");
            browser.click("a.item-link");
            browser.element("#item-card");
            browser.type("#field-priority input", "1");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 2");
            browser.waitForText("#item-card h2", "Tickets · Printer is jammed");
            browser.screenshot("card-edited");
            assertThat(browser.element("#field-priority input").getDomProperty("value")).isEqualTo("1");
        }
    }
}
