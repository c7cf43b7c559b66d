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
import io.atrium.platform.form.Condition;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst drags fields into two tabs, a block and a related list, shows the block only for
 * companies and publishes the form; an operator's item card follows it.
 */
class FormDesignerBrowserIT extends PlatformTestSupport {

    private static final AppRef PEOPLE = new AppRef("sales", "people");
    private static final AppRef DEALS = new AppRef("sales", "deals");

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    Items items;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;

    private Browser browser;

    private WebElement slot(String parent, int index) {
        return browser.element(".drop-slot[data-parent='" + parent + "'][data-index='" + index + "']");
    }

    private void select(String id) {
        browser.click("[data-element='" + id + "'] .element-caption");
        browser.element("[data-element='" + id + "'][data-selected]");
        browser.element("#element-properties[data-element='" + id + "']");
    }

    /** Drags a palette entry into a slot and waits until the element it made is on the canvas. */
    private void drag(String paletteEntry, String parent, int index, String madeId) {
        for (int attempt = 0; ; attempt++) {
            try { // the canvas is redrawn after every drop: look the elements up afresh
                browser.dragAndDrop(browser.element("#palette-" + paletteEntry), slot(parent, index));
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        browser.element("#form-canvas [data-element='" + madeId + "']");
    }

    @Test
    void shouldBuildACardWithTabsAndAConditionalBlockThatTheItemCardFollows() {
        apps.saveDraft(new AppDefinition(PEOPLE, new LocalizedText("People", "Люди"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                new FieldDefinition("kind", FieldType.CHOICE, LocalizedText.of("Kind"), false, false, false, false,
                        null, false, List.of(new FieldDefinition.ChoiceOption("person", LocalizedText.of("Person")),
                                new FieldDefinition.ChoiceOption("company", LocalizedText.of("Company"))),
                        null, null, null, null),
                FieldDefinition.of("phone", FieldType.PHONE),
                FieldDefinition.of("revenue", FieldType.NUMBER),
                FieldDefinition.of("notes", FieldType.TEXT))), "admin");
        apps.publish(PEOPLE, "admin");
        apps.saveDraft(new AppDefinition(DEALS, LocalizedText.of("Deals"), List.of(
                FieldDefinition.of("title", FieldType.STRING).withRequired(true),
                FieldDefinition.of("amount", FieldType.NUMBER),
                new FieldDefinition("person", FieldType.REFERENCE, null, false, false, false, false, null, false,
                        null, PEOPLE, null, null, null))), "admin");
        apps.publish(DEALS, "admin");

        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/designer/forms/sales/people/edit");
            browser.click("#clear-form");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                    "#form-canvas .form-element")).isEmpty());

            drag("tabs", "", 0, "tab-1-1"); // tabs with their first tab
            drag("tab", "tabs-1", 1, "tab-1"); // a second tab
            drag("field-name", "tab-1-1", 0, "field-1");
            drag("field-kind", "tab-1-1", 1, "field-2");
            drag("block", "tab-1", 0, "block-1");
            drag("field-phone", "block-1", 0, "field-3");
            drag("field-revenue", "block-1", 1, "field-4");
            drag("field-notes", "tab-1", 1, "field-5");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                    "#form-palette .palette-entry[id^='palette-field-']")).isEmpty());

            select("field-2"); // kind first, with the buttons instead of a drag
            browser.click("#move-up");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                    "[data-element='tab-1-1'] .form-element")).getFirst().getDomAttribute("data-element")
                    .equals("field-2"));
            select("tab-1");
            browser.type("#prop-label-en input", "Company data");
            browser.waitForText("[data-element='tab-1']", "Company data");
            select("block-1");
            browser.pick("#visible-when-mode", "when a field equals");
            browser.pick("#visible-when-field", "Kind (kind)");
            browser.type("#visible-when-value input", "company");
            browser.element("[data-element='block-1'] [title='conditional']");
            browser.click("#undo");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(
                    "[data-element='block-1'] [title='conditional']")).isEmpty());
            browser.click("#redo");
            browser.element("[data-element='block-1'] [title='conditional']");
            drag("related", "tab-1", 2, "related-1"); // the person's deals
            select("related-1");
            browser.pick("#prop-source", "sales/deals");
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "person".equals(d.findElement(By.cssSelector(
                    "#prop-via input")).getDomProperty("value")));
            select("block-1");
            browser.screenshot("form-designer");

            browser.click("#publish-form");
            browser.waitForText("vaadin-notification-card", "Published version 1");
        }

        // operators work with people and read deals; they see the published form
        users.create("olivia", "Olivia Operator", "operator-secret-9", java.util.Set.of(Role.OPERATOR));
        var admin = new Actor("admin", java.util.Set.of(Role.ADMIN), java.util.Set.of());
        access.setRules(admin, PEOPLE, new AppAccess(List.of(new AppGrant(Role.OPERATOR, java.util.EnumSet.of(
                Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.ALL)), null, null));
        access.setRules(admin, DEALS, new AppAccess(List.of(new AppGrant(Role.OPERATOR, java.util.EnumSet.of(
                Permission.READ), ItemScope.ALL)), null, null));

        var published = forms.current(new FormRef(PEOPLE, FormPurpose.EDIT)).orElseThrow().form();
        assertThat(published.element("block-1").orElseThrow().visibleWhen())
                .isEqualTo(new Condition.Equals("kind", "company"));
        assertThat(((FormElement.Tab) published.element("tab-1").orElseThrow()).elements())
                .extracting(FormElement::id).containsExactly("block-1", "field-5", "related-1");
        assertThat(published.element("related-1")).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo(new FormElement.RelatedList("related-1", LocalizedText.of("New related list 1"), DEALS, "person",
                        List.of("title", "amount"), null, null)));
        assertThat(published.fields()).extracting(FormElement.Field::field)
                .containsExactly("kind", "name", "phone", "revenue", "notes");

        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "olivia", "operator-secret-9");
            browser.open(port, "/apps/sales/people/new");
            browser.type("#field-name input", "Acme");
            browser.click("#tab-tab-1");
            browser.element("#field-notes");
            assertThat(browser.driver().findElements(By.cssSelector("#field-phone")))
                    .allSatisfy(e -> assertThat(e.isDisplayed()).as("hidden until the kind is company").isFalse());

            browser.click("#tab-tab-1-1");
            browser.pick("#field-kind", "Company");
            browser.click("#tab-tab-1");
            browser.element("#field-phone"); // now shown
            browser.type("#field-revenue input", "1200");
            browser.screenshot("form-card");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 1");
        }
        var saved = items.search(Actor.SYSTEM, PEOPLE, ItemQuery.all(5)).items();
        assertThat(saved).singleElement().satisfies(i -> assertThat(i.values()).containsEntry("kind", "company")
                .containsEntry("revenue", 1200L));

        items.create(Actor.SYSTEM, DEALS, java.util.Map.of("title", "Big order", "amount", 5000,
                "person", saved.getFirst().id()));
        try (var b = new Browser("en-US")) {
            browser = b;
            browser.signIn(port, "olivia", "operator-secret-9");
            browser.open(port, "/apps/sales/people/" + saved.getFirst().id());
            browser.click("#tab-tab-1");
            browser.waitForText("#item-card .related-list", "Big order");
            browser.screenshot("form-card-related");
        }
    }
}
