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
import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.Items;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator filters a list by what they see, not by codes and ids: a choice by its label, a
 * reference by the name of the company, two conditions at once; removes a chip; and gets the
 * same filtered list back from the address.
 */
class ItemListFiltersBrowserIT extends PlatformTestSupport {

    private static final AppRef COMPANIES = new AppRef("filters", "companies");
    private static final AppRef CONTACTS = new AppRef("filters", "contacts");
    private static final String GRID = "#item-list vaadin-grid";

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    Items items;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;

    private Browser browser;

    @Test
    void shouldFilterByLabelsAndNamesShowChipsAndKeepThemInTheAddress() {
        // given companies and contacts, and an operator who reads both
        var admin = new Actor("admin", Set.of(Role.ADMIN), Set.of());
        apps.saveDraft(new AppDefinition(COMPANIES, new LocalizedText("Companies", "Компании"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true))), "admin");
        apps.publish(COMPANIES, "admin");
        apps.saveDraft(new AppDefinition(CONTACTS, new LocalizedText("Contacts", "Контакты"), List.of(
                new FieldDefinition("name", FieldType.STRING, new LocalizedText("Name", "Имя"), true, false, false,
                        false, null, false, null, null, null, null, null),
                new FieldDefinition("kind", FieldType.CHOICE, new LocalizedText("Kind", "Вид"), false, false, false,
                        false, null, false, List.of(new ChoiceOption("lead", new LocalizedText("Lead", "Лид")),
                                new ChoiceOption("customer", new LocalizedText("Customer", "Клиент")),
                                new ChoiceOption("partner", new LocalizedText("Partner", "Партнёр"))),
                        null, null, null, null),
                new FieldDefinition("company", FieldType.REFERENCE, new LocalizedText("Company", "Компания"), false,
                        false, false, false, null, false, null, COMPANIES, null, null, null),
                new FieldDefinition("met", FieldType.DATE, new LocalizedText("Met", "Встреча"), false, false, false,
                        false, null, false, null, null, null, null, null))), "admin");
        apps.publish(CONTACTS, "admin");
        for (AppRef app : List.of(COMPANIES, CONTACTS)) {
            access.setRules(admin, app, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                    EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
        }
        users.create("fiona", "Fiona Operator", "operator-secret-9", Set.of(Role.OPERATOR));
        String acme = items.create(admin, COMPANIES, Map.of("name", "Acme GmbH")).id();
        String globex = items.create(admin, COMPANIES, Map.of("name", "Globex")).id();
        items.create(admin, CONTACTS, Map.of("name", "Ann Acme", "kind", "customer", "company", acme,
                "met", "2026-03-05"));
        items.create(admin, CONTACTS, Map.of("name", "Bob Acme", "kind", "lead", "company", acme));
        items.create(admin, CONTACTS, Map.of("name", "Cat Globex", "kind", "customer", "company", globex,
                "met", "2026-04-10"));
        items.create(admin, CONTACTS, Map.of("name", "Dan Globex", "kind", "partner", "company", globex));

        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "fiona", "operator-secret-9");
            browser.open(port, "/apps/filters/contacts");
            showsExactly("Ann Acme", "Bob Acme", "Cat Globex", "Dan Globex");

            // when: a choice by its label
            browser.click("#open-filters");
            browser.pick("#filter-kind", "Customer");
            browser.click("#apply-filters");
            // then
            showsExactly("Ann Acme", "Cat Globex");
            browser.waitForText(".filter-chip[data-field='kind']", "Kind: Customer");

            // when: and a reference by the company's name, both at once
            browser.click("#open-filters");
            browser.pick("#filter-company", "Acme GmbH");
            browser.screenshot("item-list-filter-dialog");
            browser.click("#apply-filters");
            // then
            showsExactly("Ann Acme");
            browser.waitForText(".filter-chip[data-field='company']", "Company: Acme GmbH");
            browser.waitForText("#open-filters", "Filters (2)");
            assertThat(browser.driver().getCurrentUrl()).contains("f=kind").contains("f=company");
            assertNoSidewaysScroll();
            browser.screenshot("item-list-filters");

            // when: the address is opened again
            browser.driver().navigate().refresh();
            // then: the same list and chips
            showsExactly("Ann Acme");
            browser.waitForText(".filter-chip[data-field='kind']", "Kind: Customer");
            browser.waitForText(".filter-chip[data-field='company']", "Company: Acme GmbH");

            // when: the kind chip is removed
            browser.click(".filter-chip[data-field='kind'] .remove-filter");
            // then
            showsExactly("Ann Acme", "Bob Acme");
            assertThat(browser.driver().findElements(By.cssSelector(".filter-chip"))).hasSize(1);
            assertThat(browser.driver().getCurrentUrl()).doesNotContain("f=kind").contains("f=company");

            // when: an address with an unknown field, a code that is not an option and a date range
            browser.open(port, "/apps/filters/contacts?f=nosuch:eq:1&f=kind:in:customer,bogus"
                    + "&f=met:range:2026-03-01,2026-03-31");
            // then: what fits is used, the rest is reported and left out
            browser.waitForText("vaadin-notification-card", "could not be used");
            showsExactly("Ann Acme");
            browser.waitForText(".filter-chip[data-field='met']", "Met: Mar 1, 2026 – Mar 31, 2026");
            assertThat(browser.driver().findElements(By.cssSelector(".filter-chip"))).hasSize(1);
            browser.screenshot("item-list-filters-dropped");
        }

        try (var b = new Browser("ru-RU")) {
            browser = b;
            browser.signIn(port, "fiona", "operator-secret-9");
            browser.open(port, "/apps/filters/contacts?f=kind:in:customer&f=company:eq:" + globex);
            showsExactly("Cat Globex");
            browser.waitForText(".filter-chip[data-field='kind']", "Вид: Клиент");
            browser.waitForText(".filter-chip[data-field='company']", "Компания: Globex");
            browser.waitForText("#open-filters", "Фильтры (2)");
            assertNoSidewaysScroll();
            browser.screenshot("item-list-filters-ru");
        }
    }

    /** The grid lists exactly these names (the first column), once the server has answered. */
    private void showsExactly(String... names) {
        try {
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(GRID + " a.item-link"))
                    .stream().map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).sorted().toList()
                    .equals(List.of(names)));
        } catch (RuntimeException e) {
            browser.screenshot("failure");
            throw e;
        }
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
