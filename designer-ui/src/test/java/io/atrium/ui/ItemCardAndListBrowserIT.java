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
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.Items;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a list and a card tell the person using them: how many items there are, what to do when
 * there are none, phone numbers as people write them, the card's own title, a way into its form's
 * designer for those who may design, and a card that stays on its tab after a save.
 */
class ItemCardAndListBrowserIT extends PlatformTestSupport {

    private static final AppRef SUPPLIERS = new AppRef("desk", "suppliers");
    private static final String PASSWORD = "supplier-desk-clerk-5";
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;
    @Autowired
    Items items;

    @BeforeEach
    void publishSuppliers() {
        if (users.findByUsername("petra").isPresent()) {
            return;
        }
        apps.saveDraft(new AppDefinition(SUPPLIERS, new LocalizedText("Suppliers", "Поставщики"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                FieldDefinition.of("phone", FieldType.PHONE),
                FieldDefinition.of("notes", FieldType.TEXT))), "admin");
        apps.publish(SUPPLIERS, "admin");
        var edit = new FormRef(SUPPLIERS, FormPurpose.EDIT);
        forms.saveDraft(ADMIN, new FormDefinition(edit, LocalizedText.of("Supplier"), List.of(
                new FormElement.Tabs("tabs", List.of(
                        new FormElement.Tab("main", new LocalizedText("Main", "Главное"), List.of(field("name"),
                                field("phone")), null, null),
                        new FormElement.Tab("more", new LocalizedText("More", "Ещё"), List.of(field("notes")),
                                null, null)), null, null))));
        forms.publish(ADMIN, edit);
        access.setRules(ADMIN, SUPPLIERS, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.ALL)), null, null));
        users.create("petra", "Petra Clerk", PASSWORD, Set.of(Role.OPERATOR));
    }

    private static FormElement.Field field(String code) {
        return new FormElement.Field("f-" + code, code, null, null, false, false, null, null);
    }

    @Test
    void shouldSayWhatToDoWhenAListIsEmptyAndCountWhatItHolds() {
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "petra", PASSWORD);
            browser.open(port, "/apps/desk/suppliers?q=nobody-is-called-this");
            browser.waitForText("vaadin-grid [slot=empty-state]", "Nothing matches these filters");
            browser.waitForText("#items-total", "0 items");

            items.create(ADMIN, SUPPLIERS, Map.of("name", "Acme Tools", "phone", "+44 20 7946 0958"));
            var borovik = items.create(ADMIN, SUPPLIERS, Map.of("name", "Borovik", "phone", "+7 (912) 345-67-89"));
            browser.open(port, "/apps/desk/suppliers");
            long all = items.count(ADMIN, SUPPLIERS, new io.atrium.platform.item.ItemFilter.All(List.of()), false, 100);
            browser.waitForText("#items-total", all + " items");
            browser.waitForText("vaadin-grid", "+7 912 345-67-89");
            browser.waitForText("vaadin-grid", "+44 20 7946 0958");
            // an operator may not design: the card offers no designer
            browser.open(port, "/apps/desk/suppliers/" + borovik.id());
            browser.waitForText("#item-card h2", "Suppliers · ");
            assertThat(browser.driver().findElements(By.id("design-form"))).isEmpty();
            assertThat(browser.element("#field-phone input").getDomProperty("value")).isEqualTo("+7 912 345-67-89");
        }
    }

    @Test
    void shouldCountInRussianAndTitleANewItemByItsApp() {
        try (var browser = new Browser("ru-RU")) {
            browser.signIn(port, "petra", PASSWORD);
            browser.open(port, "/apps/desk/suppliers?q=nobody-is-called-this");
            browser.waitForText("#items-total", "0 записей");
            browser.open(port, "/apps/desk/suppliers/new");
            browser.waitForText("#item-card h2", "Новая запись в разделе «Поставщики»");
            assertThat(browser.driver().getTitle()).startsWith("Новая запись в разделе «Поставщики»");
        }
    }

    @Test
    void shouldKeepTheTabASavedCardShowedAndOfferItsDesignerToAnAdministrator() {
        var supplier = items.create(ADMIN, SUPPLIERS, Map.of("name", "Tab Keepers"));
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/apps/desk/suppliers/" + supplier.id());
            browser.click("#tab-more");
            browser.type("#field-notes textarea", "Deliveries on Tuesdays");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 2");

            assertThat(browser.element("#tab-more").getDomAttribute("selected")).isNotNull();
            assertThat(browser.element("#field-notes").isDisplayed()).isTrue();
            browser.screenshot("item-card-tab-kept");

            browser.click("#design-form");
            browser.waitUpTo(java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().endsWith("/designer/forms/desk/suppliers/edit"));
        }
    }
}
