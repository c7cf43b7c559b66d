package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.access.Actor;
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
import io.atrium.platform.form.FormScripts;
import io.atrium.platform.identity.Role;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.Items;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptLanguage;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form's scripts as the people using it meet them: a value computed when a field changes, a
 * save refused with the script's message on the field, and the designer's dialog that binds them,
 * in both languages and at both widths.
 */
class FormScriptsBrowserIT extends PlatformTestSupport {

    private static final AppRef ORDERS = new AppRef("shop", "orders");
    private static final ScriptRef MODULE = new ScriptRef("shop", "order-form");
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    ScriptCatalog scripts;
    @Autowired
    Items items;

    @BeforeEach
    void publishOrders() {
        if (apps.current(ORDERS).isPresent()) {
            return;
        }
        apps.saveDraft(new AppDefinition(ORDERS, new LocalizedText("Orders", "Заказы"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                FieldDefinition.of("quantity", FieldType.NUMBER),
                FieldDefinition.of("price", FieldType.NUMBER),
                FieldDefinition.of("total", FieldType.NUMBER))), "admin");
        apps.publish(ORDERS, "admin");
        scripts.saveDraft(ADMIN, new ScriptModule(MODULE, ScriptLanguage.TYPESCRIPT, """
                import { refuse } from 'atrium';

                type Order = { values: { quantity?: number; price?: number } };

                export function total(e: Order) {
                  return { values: { total: (e.values.quantity ?? 0) * (e.values.price ?? 0) } };
                }

                export function beforeSave(e: Order) {
                  if ((e.values.quantity ?? 0) > 100) {
                    refuse('quantity', 'Orders over 100 need a manager');
                  }
                  return total(e);
                }
                """));
        scripts.publish(ADMIN, MODULE);
        var edit = new FormRef(ORDERS, FormPurpose.EDIT);
        forms.saveDraft(ADMIN, new FormDefinition(edit, new LocalizedText("Order", "Заказ"), List.of(
                field("name"), field("quantity"), field("price"),
                new FormElement.Field("f-total", "total", null, null, false, true, null, null)), null,
                new FormScripts(null, Map.of("quantity", MODULE + "#total", "price", MODULE + "#total"),
                        MODULE + "#beforeSave", 5)));
        forms.publish(ADMIN, edit);
    }

    private static FormElement.Field field(String code) {
        return new FormElement.Field("f-" + code, code, null, null, false, false, null, null);
    }

    @Test
    void shouldComputeOnChangeAndRefuseTheSaveOnTheField() {
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/apps/shop/orders/new");
            browser.type("#field-name input", "Paper");
            browser.type("#field-quantity input", "3");
            browser.type("#field-price input", "12.5");
            browser.waitUpTo(Duration.ofSeconds(15)).until(d ->
                    "37.5".equals(browser.element("#field-total input").getDomProperty("value")));

            browser.type("#field-quantity input", "500");
            browser.click("#save");
            browser.waitForText("#field-quantity", "Orders over 100 need a manager");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/apps/shop/orders/new");
            assertThat(items.count(ADMIN, ORDERS, new ItemFilter.All(List.of()), false, 10)).isZero();
            browser.screenshot("form-script-refused");

            browser.type("#field-quantity input", "4");
            browser.click("#save");
            browser.waitForText("#item-card", "Version 1");
            String url = browser.driver().getCurrentUrl();
            var saved = items.get(ADMIN, ORDERS, url.substring(url.lastIndexOf('/') + 1));
            assertThat(((Number) saved.values().get("total")).doubleValue()).isEqualTo(50.0);
        }
    }

    @Test
    void shouldRefuseTheSaveOnAPhoneInRussianToo() {
        try (var browser = new Browser("ru-RU")) {
            browser.resize(390, 844);
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.open(port, "/apps/shop/orders/new");
            browser.waitForText("#item-card h2", "Новая запись в разделе «Заказы»");
            browser.type("#field-name input", "Бумага");
            browser.type("#field-quantity input", "500");
            browser.type("#field-price input", "2");
            browser.waitUpTo(Duration.ofSeconds(15)).until(d ->
                    "1000".equals(browser.element("#field-total input").getDomProperty("value")));
            browser.click("#save");
            browser.waitForText("#field-quantity", "Orders over 100 need a manager");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/apps/shop/orders/new");
            browser.screenshot("form-script-refused-ru-390");
        }
    }

    @Test
    void shouldBindTheFormsScriptsInTheDesignerInBothLanguagesAndWidths() {
        for (String language : List.of("en-US", "ru-RU")) {
            try (var browser = new Browser(language)) {
                browser.signIn(port, "admin", ADMIN_PASSWORD);
                browser.open(port, "/designer/forms/shop/orders/edit");
                browser.waitForText("#form-scripts-open", language.startsWith("en") ? "Scripts (3)" : "Скрипты (3)");
                browser.click("#form-scripts-open");
                browser.waitForText("#form-scripts", language.startsWith("en") ? "When a field changes"
                        : "При изменении поля");
                assertThat(browser.element("#form-script-before-save input").getDomProperty("value"))
                        .isEqualTo(MODULE + "#beforeSave");
                browser.type("#form-script-on-load input", "not a function name");
                browser.click("#form-scripts-apply");
                browser.waitForText("#form-script-on-load", language.startsWith("en") ? "workspace/module#function"
                        : "рабочая-область/модуль#функция");
                browser.screenshot("form-scripts-" + language.substring(0, 2) + "-1440");
                browser.resize(390, 844);
                browser.screenshot("form-scripts-" + language.substring(0, 2) + "-390");
            }
        }
    }
}
