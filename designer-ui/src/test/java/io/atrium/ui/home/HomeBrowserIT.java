package io.atrium.ui.home;

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
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.ui.Browser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page tells each role what to do next and shows only the apps its holder may read. */
class HomeBrowserIT extends PlatformTestSupport {

    private static final AppRef DESK = new AppRef("homedesk", "requests");
    private static final AppRef LEDGER = new AppRef("homedesk", "ledger");

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    AppCatalog catalog;
    @Autowired
    AccessPolicy access;

    @BeforeEach
    void twoPublishedAppsOperatorsMayReadOnlyOne() {
        if (users.findByUsername("hana").isPresent()) {
            return;
        }
        users.create("hana", "Hana Operator", "home-operator-1", Set.of(Role.OPERATOR));
        users.create("sven", "Sven Supervisor", "home-supervisor-1", Set.of(Role.SUPERVISOR));
        var analyst = new Actor("admin", Set.of(Role.ADMIN), null);
        for (var ref : List.of(DESK, LEDGER)) {
            var name = ref == DESK ? new LocalizedText("Requests", "Заявки") : new LocalizedText("Ledger", "Книга");
            catalog.saveDraft(new AppDefinition(ref, name, List.of(FieldDefinition.of("title", FieldType.STRING))),
                    "admin");
            catalog.publish(ref, "admin");
        }
        access.setRules(analyst, DESK, new AppAccess(List.of(
                new AppGrant(Role.OPERATOR, EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
    }

    @Test
    void shouldOfferAnAdministratorToCreateAnAppAndToDesignEachApp() {
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            var next = browser.element("#home-next");
            browser.element("#engine-zeebe");
            browser.screenshot("home-admin-en");

            // textContent: with many apps listed the page has scrolled, and a heading under the top bar reads as hidden
            assertThat(next.getDomProperty("textContent")).contains("What to do next").contains("Create an app");
            assertThat(browser.element("#home-app-homedesk-requests").getText()).isEqualTo("Requests");
            assertThat(browser.element("#home-app-homedesk-ledger").getText()).isEqualTo("Ledger");
            assertThat(browser.element("#home-design-homedesk-ledger").getDomAttribute("href"))
                    .isEqualTo("designer/apps/homedesk/ledger");

            browser.click("#home-create-app");
            browser.element("#app-designer");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/designer/apps");
        }
    }

    @Test
    void shouldShowAnOperatorOnlyTheAppsTheyMayReadAndNoDesigner() {
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "hana", "home-operator-1");
            var apps = browser.element("#home-apps");
            browser.screenshot("home-operator-en");

            assertThat(browser.element("#home-app-homedesk-requests").getDomAttribute("href"))
                    .isEqualTo("apps/homedesk/requests");
            assertThat(apps.getText()).doesNotContain("Ledger");
            var driver = browser.driver();
            assertThat(driver.findElements(By.id("home-next"))).isEmpty();
            assertThat(driver.findElements(By.id("home-create-app"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("[id^='home-design-']"))).isEmpty();
            assertThat(driver.findElements(By.id("engine-status"))).isEmpty();
        }
    }

    @Test
    void shouldTellSomeoneWithNoAppsWhomToAskInTheirLanguage() {
        try (var browser = new Browser("ru")) {
            browser.signIn(port, "sven", "home-supervisor-1");
            var empty = browser.element("#home-apps-empty");
            browser.screenshot("home-empty-ru");

            assertThat(empty.getText()).contains("Попросите администратора");
            assertThat(browser.driver().findElements(By.cssSelector("[id^='home-app-']"))).isEmpty();
        }
    }
}
