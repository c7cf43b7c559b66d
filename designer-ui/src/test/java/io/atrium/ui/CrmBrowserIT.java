package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The closing scenario: an analyst models Companies and Contacts (a contact references
 * its company and keeps a file) and grants operators access on the access screen; an operator
 * creates a company and a contact, changes it, reads its history, deletes and restores it.
 */
class CrmBrowserIT extends PlatformTestSupport {

    private static final AppRef COMPANIES = new AppRef("crm", "companies");
    private static final AppRef CONTACTS = new AppRef("crm", "contacts");

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;
    @Autowired
    Items items;

    @Test
    void shouldLetAnAnalystModelCompaniesAndContactsAndAnOperatorWorkWithThem() throws Exception {
        users.create("carla", "Carla Analyst", "analyst-secret-2", Set.of(Role.ANALYST));
        users.create("oleg", "Oleg Operator", "operator-secret-3", Set.of(Role.OPERATOR));

        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "carla", "analyst-secret-2");
            AppDesignerSteps.newApp(browser, port, "crm", "companies", "Companies", "Компании");
            AppDesignerSteps.addField(browser, "string", "name", "Name");
            browser.check("#field-required");
            AppDesignerSteps.publishFirstVersion(browser);

            AppDesignerSteps.newApp(browser, port, "crm", "contacts", "Contacts", "Контакты");
            AppDesignerSteps.addField(browser, "string", "name", "Name");
            browser.check("#field-required");
            AppDesignerSteps.addField(browser, "email", "email", "E-mail");
            AppDesignerSteps.addField(browser, "reference", "company", "Company");
            browser.pick("#field-target", "Companies (crm/companies)");
            AppDesignerSteps.addField(browser, "file", "contract", "Contract");
            browser.screenshot("crm-contacts-designer");
            AppDesignerSteps.publishFirstVersion(browser);

            // operators: everything on contacts, granted on the access screen
            browser.click("#open-access");
            browser.element("#app-access");
            browser.click("#add-grant"); // a new grant starts with the operator role and read
            browser.waitUpTo(java.time.Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#grants .grant-permissions")).size() == 3);
            var permissions = browser.driver().findElements(By.cssSelector("#grants .grant-permissions")).getLast();
            for (String permission : new String[] {"create", "update", "delete"}) {
                browser.tick(permissions, permission);
            }
            browser.screenshot("crm-access");
            browser.click("#save-access");
            browser.waitForText("vaadin-notification-card", "Access saved");
        }
        assertThat(access.scope(operator(), CONTACTS, Permission.DELETE)).contains(ItemScope.ALL);
        // companies: the operator reads and adds them (set through the service, as the API would)
        access.setRules(new Actor("carla", Set.of(Role.ANALYST), null), COMPANIES,
                new io.atrium.platform.access.AppAccess(java.util.List.of(new io.atrium.platform.access.AppGrant(
                        Role.OPERATOR, java.util.EnumSet.of(Permission.READ, Permission.CREATE), ItemScope.ALL)),
                        null, null));

        Path contract = Files.createTempFile("contract-", ".pdf");
        Files.writeString(contract, "%PDF-1.4 a signed contract");
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "oleg", "operator-secret-3");
            browser.open(port, "/apps/crm/companies/new");
            browser.type("#field-name input", "Acme Ltd");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 1");

            browser.navigate("apps/crm/contacts");
            browser.click("#new-item");
            browser.type("#field-name input", "Ann Lee");
            browser.type("#field-email input", "ann@example.com");
            browser.pick("#field-company", "Acme Ltd");
            browser.upload("#field-contract vaadin-upload", contract);
            browser.waitForText("#field-contract .file-row", contract.getFileName().toString());
            browser.screenshot("crm-contact-new");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 1");
            browser.waitForText("#field-contract a.file-link", contract.getFileName().toString());
            assertThat(browser.element("#field-company input").getDomProperty("value")).isEqualTo("Acme Ltd");

            browser.type("#field-email input", "ann.lee@example.com");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 2");
            browser.click("#history");
            browser.waitForText("#history", "E-mail: ann@example.com → ann.lee@example.com");
            browser.waitForText("#history", "oleg · created");
            browser.screenshot("crm-contact-history");

            browser.click("#delete");
            browser.clickDeep("[slot='confirm-button']");
            browser.waitForText("vaadin-notification-card", "Deleted");
            browser.element("#item-list");
            browser.check("#show-deleted");
            browser.waitForText("#item-list vaadin-grid", "Ann Lee");
            browser.screenshot("crm-deleted-items");
            browser.click("#item-list .restore-item");
            browser.waitForText("vaadin-notification-card", "Restored");

            // the CSV export, fetched in the operator's session, names the company instead of its id
            browser.check("#show-deleted");
            browser.waitForText("#item-list vaadin-grid", "Acme Ltd");
            String href = browser.element("#csv-export").getDomAttribute("href");
            var session = browser.driver().manage().getCookieNamed("JSESSIONID");
            var csv = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/" + href))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains("Ann Lee").contains("Acme Ltd").contains("1 file");
        }

        var ann = items.search(operator(), CONTACTS, ItemQuery.all(10)).items();
        assertThat(ann).singleElement().satisfies(item -> {
            assertThat(item.values()).containsEntry("email", "ann.lee@example.com").containsKey("contract");
            assertThat(items.get(operator(), COMPANIES, (String) item.values().get("company")).values())
                    .containsEntry("name", "Acme Ltd");
            assertThat(items.history(operator(), CONTACTS, item.id())).extracting(e -> e.action())
                    .containsExactly("item.created", "item.updated", "item.deleted", "item.restored");
        });
    }

    private static Actor operator() {
        return new Actor("oleg", Set.of(Role.OPERATOR), Set.of());
    }
}
