package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.SecondNode;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Open pages follow publications without a reload, on every node, and show only the apps their
 * person may read, whoever published.
 */
class LiveNavigationBrowserIT extends PlatformTestSupport {

    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), null);
    private static final String OPERATOR = "nina";
    private static final String OPERATOR_PASSWORD = "live-operator-1";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AppCatalog catalog;
    @Autowired
    AccessPolicy access;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void anOperator() {
        if (users.findByUsername(OPERATOR).isEmpty()) {
            users.create(OPERATOR, "Nina Operator", OPERATOR_PASSWORD, Set.of(Role.OPERATOR));
        }
    }

    @Test
    void shouldShowAnOpenPageOnlyTheAppsItsPersonMayReadWhenSomeoneElsePublishes() {
        var secret = draft(new AppRef("live", "secret"), "Secret ledger", false);
        var desk = draft(new AppRef("live", "desk"), "Open desk", true);
        try (var operator = new Browser("en-US"); var admin = new Browser("en-US")) {
            operator.signIn(port, OPERATOR, OPERATOR_PASSWORD);
            markPage(operator);
            admin.signIn(port, "admin", ADMIN_PASSWORD);

            // the administrator publishes both in the designer: the operator's page is rebuilt on the
            // administrator's request thread, and still for the operator
            publishInDesigner(admin, secret);
            publishInDesigner(admin, desk);

            operator.waitForText("vaadin-side-nav", "Open desk");
            operator.screenshot("navigation-operator-live");
            assertThat(operator.element("vaadin-side-nav").getText()).doesNotContain("Secret ledger");
            admin.waitForText("vaadin-side-nav", "Secret ledger");
            assertSamePage(operator);
        }
    }

    @Test
    void shouldShowAnAppPublishedOrRenamedOnAnotherNodeWithoutAReload() {
        var remote = draft(new AppRef("live", "remote"), "Remote desk", true);
        try (var node = new SecondNode(context); var operator = new Browser("en-US")) {
            operator.signIn(node.port(), OPERATOR, OPERATOR_PASSWORD);
            assertThat(operator.element("vaadin-side-nav").getText()).doesNotContain("Remote desk");
            markPage(operator);

            // published on this node: the other node hears of it only through the database
            catalog.publish(remote, "admin");
            operator.waitForText("vaadin-side-nav", "Remote desk");
            operator.screenshot("navigation-other-node");

            catalog.saveDraft(app(remote, "Remote service desk"), "admin");
            catalog.publish(remote, "admin");
            operator.waitForText("vaadin-side-nav", "Remote service desk");
            assertSamePage(operator);
        }
    }

    /** Marks the page so that a reload would show: a new page has no mark. */
    private static void markPage(Browser browser) {
        browser.driver().executeScript("window.atriumNotReloaded = true");
    }

    private static void assertSamePage(Browser browser) {
        assertThat(browser.driver().executeScript("return window.atriumNotReloaded === true"))
                .as("the same page, never reloaded").isEqualTo(true);
    }

    private void publishInDesigner(Browser browser, AppRef ref) {
        browser.open(port, "/designer/apps/" + ref);
        browser.click("#publish");
        browser.waitForText("#app-status", "Published v1");
    }

    /** A saved, unpublished app; with the operator's read access if they may read it. */
    private AppRef draft(AppRef ref, String name, boolean operatorsRead) {
        catalog.saveDraft(app(ref, name), "admin");
        if (operatorsRead) {
            access.setRules(ADMIN, ref, new AppAccess(List.of(
                    new AppGrant(Role.OPERATOR, EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
        }
        return ref;
    }

    private static AppDefinition app(AppRef ref, String name) {
        return new AppDefinition(ref, LocalizedText.of(name), List.of(FieldDefinition.of("title", FieldType.STRING)));
    }
}
