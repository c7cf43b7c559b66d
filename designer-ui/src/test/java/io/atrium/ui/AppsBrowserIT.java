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

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;

    private Browser browser;

    private void signIn(String username, String password) {
        var driver = browser.driver();
        driver.get("http://localhost:" + port + "/login");
        var wait = browser.waitUpTo(WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
    }

    private void open(String path) {
        browser.driver().get("http://localhost:" + port + path);
    }

    private WebElement element(String css) {
        try {
            var found = browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
            return browser.waitUpTo(WAIT).until(ExpectedConditions.visibilityOf(found));
        } catch (RuntimeException e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    /** Types into a Vaadin text input and commits the value as a person would, by leaving the field. */
    private void type(String css, String text) {
        var input = element(css);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    private void click(String css) {
        var target = element(css);
        browser.waitUpTo(WAIT).until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Ticks a Vaadin checkbox through its native input, which is present but drawn by the host. */
    private void check(String css) {
        var input = browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css + " input")));
        browser.driver().executeScript("arguments[0].click()", input);
    }

    private void waitForText(String css, String text) {
        browser.waitUpTo(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    @Test
    void shouldLetAnAnalystPublishAnAppAndAnOperatorWorkWithItsItems() {
        if (users.findByUsername("ana").isEmpty()) {
            users.create("ana", "Ana Analyst", "analyst-secret-1", Set.of(Role.ANALYST));
            users.create("otto", "Otto Operator", "operator-secret-1", Set.of(Role.OPERATOR));
        }
        try (var b = new Browser("en-US")) {
            browser = b;
            signIn("ana", "analyst-secret-1");
            open("/designer/apps");
            type("#app-namespace input", "shop");
            type("#app-code input", "tickets");
            type("#app-name-en input", "Tickets");
            type("#app-name-ru input", "Заявки");

            click("#add-string");
            type("#field-code input", "subject");
            type("#field-name-en input", "Subject");
            check("#field-required");
            click("#add-number");
            type("#field-code input", "priority");
            type("#field-name-en input", "Priority");
            click("#add-choice");
            type("#field-code input", "channel");
            type("#field-name-en input", "Channel");
            var options = element("#field-options textarea");
            options.sendKeys("email = E-mail | Почта", Keys.ENTER, "phone = Phone | Телефон", Keys.TAB);
            click("#add-date");
            type("#field-code input", "due");
            type("#field-name-en input", "Due date");
            browser.screenshot("designer-fields");

            click("#publish");
            waitForText("vaadin-notification-card", "Published version 1");
            browser.screenshot("designer-published");
        }

        access.setRules(new Actor("ana", Set.of(Role.ANALYST), null), new AppRef("shop", "tickets"),
                new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                        EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.ALL)), null, null));

        try (var b = new Browser("en-US")) {
            browser = b;
            signIn("otto", "operator-secret-1");
            click("vaadin-side-nav-item[path='apps/shop/tickets']");
            element("#item-list");
            click("#new-item");
            click("#save"); // nothing filled in: the card says what is missing, nothing is stored
            waitForText("vaadin-notification-card", "Some fields need attention");
            assertThat(element("#field-subject").getDomAttribute("invalid")).isNotNull();
            type("#field-subject input", "Printer is jammed");
            type("#field-priority input", "2");
            var channel = element("#field-channel input");
            channel.sendKeys("Phone");
            channel.sendKeys(Keys.ENTER, Keys.TAB);
            browser.screenshot("card-new");
            click("#save");
            waitForText("#item-card", "Version 1");

            open("/apps/shop/tickets");
            type("#search input", "printer");
            waitForText("#item-list vaadin-grid", "Printer is jammed");
            browser.screenshot("list-found");
            click("a.item-link");
            element("#item-card");
            type("#field-priority input", "1");
            click("#save");
            waitForText("#item-card", "Version 2");
            waitForText("#item-card h2", "Tickets · Printer is jammed");
            browser.screenshot("card-edited");
            assertThat(element("#field-priority input").getDomProperty("value")).isEqualTo("1");
        }
    }
}
