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
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.Items;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every screen at a phone's 390 × 844 and a desktop's 1440 × 900, in English and in Russian: a
 * screenshot of each (screen-width-language) and nothing that sticks out past the right edge,
 * except inside what scrolls sideways on purpose ({@link SidewaysOverflow#SCROLLS_ON_PURPOSE}).
 */
class LayoutBrowserIT extends PlatformTestSupport {

    private static final AppRef COMPANIES = new AppRef("layout", "companies");
    private static final AppRef CONTACTS = new AppRef("layout", "contacts");
    private static final String CONTACT_LIST = "/apps/layout/contacts";
    private static final int[][] SIZES = {{390, 844}, {1440, 900}};

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    Items items;
    @Autowired
    ItemFiles files;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;
    @Autowired
    io.atrium.platform.process.ProcessCatalog processes;

    private Browser browser;
    private String language;
    private final Map<String, List<String>> overflows = new LinkedHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "ru-RU"})
    void shouldFitEveryScreenAtAPhonesAndADesktopsWidth(String locale) {
        language = locale.substring(0, 2);
        var seeded = companiesAndContacts();
        try (var b = new Browser(locale)) {
            browser = b;
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                visitAsAdministrator(seeded);
            }
        }
        try (var b = new Browser(locale)) {
            browser = b;
            browser.signIn(port, "lena", "layout-operator-7");
            for (int[] size : SIZES) {
                browser.resize(size[0], size[1]);
                visitAsOperator();
            }
        }
        assertThat(overflows).as("what sticks out past the right edge, by screen").isEmpty();
    }

    private void visitAsAdministrator(Seeded seeded) {
        page("home", "/", "#home");
        page("designer-hub", "/designer", "#designer-hub vaadin-grid");
        page("app-designer-new", "/designer/apps", "#app-designer #publish");
        open("/designer/apps/layout/contacts", "#app-designer #open-forms");
        clickCell("#field-grid", language.equals("ru") ? "Телефон" : "Phone"); // a phone's grid hides the code
        browser.element("#field-code");
        check("app-designer");
        onOneLine("#save-draft", "#publish");
        page("app-access", "/designer/apps/layout/contacts/access", "#grants");
        open("/designer/forms/layout/contacts/edit", "#form-canvas .form-element");
        browser.click("#form-canvas .form-element[data-element='field-name'] .element-caption");
        browser.element("#element-properties vaadin-text-field");
        check("form-designer");
        onOneLine("#save-form", "#publish-form");
        open(CONTACT_LIST + "?f=kind:in:customer&f=company:eq:" + seeded.acme(), ".filter-chip");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("a.item-link")).isEmpty());
        check("item-list");
        assertThat(browser.element("#open-filters").isDisplayed()).as("the filters are in reach").isTrue();
        browser.click("#open-filters");
        browser.element("#filter-company");
        check("item-list-filters");
        browser.element("#filter-company input").sendKeys(Keys.ESCAPE);
        browser.element("#filter-company input").sendKeys(Keys.ESCAPE);
        page("item-card", CONTACT_LIST + "/" + seeded.contact(), "#item-card #field-contract a.file-link");
        page("item-card-new", CONTACT_LIST + "/new", "#item-card #field-contract vaadin-upload");
        page("admin-users", "/admin/users", "#users-view vaadin-grid");
        page("process-new", "/designer/processes", "#new-process-create");
        open("/designer/processes/layout/" + seededProcess(), "#process-modeler .djs-element[data-element-id='StartEvent_1']");
        check("process-designer");
        onOneLine("#process-save", "#process-publish");
        page("process-instances", "/processes/instances", "#process-instances h2");
    }

    /** A process drawn in the layout workspace, once. */
    private String seededProcess() {
        var ref = new io.atrium.platform.process.ProcessRef("layout", "ticket-intake");
        if (processes.draft(ref).isEmpty()) {
            var admin = new io.atrium.platform.access.Actor("admin", java.util.Set.of(
                    io.atrium.platform.identity.Role.ADMIN), java.util.Set.of());
            try (var in = getClass().getResourceAsStream("ProcessMonitorBrowserIT.bpmn")) {
                String bpmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                processes.saveDraft(admin, new io.atrium.platform.process.ProcessDefinition(ref, "Ticket intake", bpmn));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ref.code();
    }

    private void visitAsOperator() {
        page("access-denied", "/designer/apps", "#access-denied");
        page("process-instances-denied", "/processes/instances", "#access-denied");
        // an address no page answers, followed as a link (a page load of one is refused before routing)
        browser.driver().executeScript("var link = document.createElement('a'); link.href = 'no/such/page';"
                + " link.setAttribute('router-link', ''); document.body.appendChild(link); link.click();");
        browser.element("#not-found");
        check("not-found");
    }

    private void page(String screen, String path, String ready) {
        open(path, ready);
        check(screen);
    }

    private void open(String path, String ready) {
        browser.open(port, path);
        browser.element(ready);
    }

    /** Takes the screenshot and notes what sticks out, once the page has settled. */
    private void check(String screen) {
        try {
            Thread.sleep(400); // grids and overlays lay out in the next frames
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String name = screen + "-" + browser.width() + "-" + language;
        var found = SidewaysOverflow.of(browser);
        browser.screenshotWhole(name);
        if (!found.isEmpty()) {
            overflows.put(name, found);
        }
    }

    /** Two buttons of a group sit on one line: a long label must not push the second onto its own. */
    private void onOneLine(String first, String second) {
        assertThat(browser.element(second).getRect().getY()).as("%s beside %s at %d px in %s", second, first,
                browser.width(), language).isEqualTo(browser.element(first).getRect().getY());
    }

    /** Clicks the grid's cell with exactly this text, e.g. to select a row. */
    private void clickCell(String grid, String text) {
        browser.waitForText(grid, text);
        for (var cell : browser.driver().findElements(By.cssSelector(grid + " vaadin-grid-cell-content"))) {
            if (cell.getText().strip().equals(text)) {
                browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
                cell.click();
                return;
            }
        }
        throw new IllegalStateException("No cell '" + text + "' in " + grid);
    }

    private record Seeded(String acme, String contact) {
    }

    /**
     * Companies and contacts with long names in both languages, a choice, a reference, a user, a
     * file and a table of order lines; an operator who reads them. Made once for both languages.
     */
    private Seeded companiesAndContacts() {
        var admin = new Actor("admin", Set.of(Role.ADMIN), Set.of());
        if (apps.current(CONTACTS).isEmpty()) {
            apps.saveDraft(new AppDefinition(COMPANIES, new LocalizedText("Companies", "Компании"), List.of(
                    field("name", FieldType.STRING, "Name", "Название"))), "admin");
            apps.publish(COMPANIES, "admin");
            apps.saveDraft(new AppDefinition(CONTACTS, new LocalizedText("Customer contacts", "Контакты клиентов"),
                    contactFields()), "admin");
            apps.publish(CONTACTS, "admin");
            for (AppRef app : List.of(COMPANIES, CONTACTS)) {
                access.setRules(admin, app, new AppAccess(List.of(new AppGrant(Role.OPERATOR,
                        EnumSet.of(Permission.READ), ItemScope.ALL)), null, null));
            }
            users.create("lena", "Lena Operator", "layout-operator-7", Set.of(Role.OPERATOR));
        }
        String acme = items.create(admin, COMPANIES, Map.of("name", "Acme International Trading GmbH")).id();
        var contract = files.upload(admin, CONTACTS, "contract", "framework-agreement-2026-signed-by-both.pdf",
                "application/pdf", new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.UTF_8)));
        var values = new LinkedHashMap<String, Object>(Map.of("name", "Anna-Maria Konstantinopolskaya",
                "kind", "customer", "company", acme, "email", "anna-maria.konstantinopolskaya@example.com",
                "phone", "+49 30 1234 5678", "met", "2026-03-05", "owner", "lena", "contract", contract.id()));
        values.put("notes", "Prefers to be called in the afternoon; asks for the quarterly price list.");
        values.put("lines", List.of(Map.of("product", "Annual support subscription", "quantity", 3),
                Map.of("product", "On-site training day", "quantity", 1)));
        String contact = items.create(admin, CONTACTS, values).id();
        for (String name : List.of("Bob Brown", "Carla Castellanos-Villanueva", "Dmitry Ivanov")) {
            items.create(admin, CONTACTS, Map.of("name", name, "kind", "customer", "company", acme,
                    "email", name.toLowerCase().replace(' ', '.') + "@example.com"));
        }
        return new Seeded(acme, contact);
    }

    private static List<FieldDefinition> contactFields() {
        var line = List.of(field("product", FieldType.STRING, "Product", "Товар"),
                field("quantity", FieldType.NUMBER, "Quantity", "Количество"));
        return List.of(
                field("name", FieldType.STRING, "Full name", "Полное имя").withRequired(true),
                new FieldDefinition("kind", FieldType.CHOICE, new LocalizedText("Kind of contact", "Вид контакта"),
                        false, false, false, false, null, false, List.of(
                                new ChoiceOption("lead", new LocalizedText("Lead", "Потенциальный клиент")),
                                new ChoiceOption("customer", new LocalizedText("Customer", "Клиент"))),
                        null, null, null, null),
                new FieldDefinition("company", FieldType.REFERENCE, new LocalizedText("Company", "Компания"), false,
                        false, false, false, null, false, null, COMPANIES, null, null, null),
                field("email", FieldType.EMAIL, "E-mail", "Электронная почта"),
                field("phone", FieldType.PHONE, "Phone", "Телефон"),
                field("met", FieldType.DATE, "First met", "Дата первой встречи"),
                field("owner", FieldType.USER, "Account manager", "Ответственный менеджер"),
                field("notes", FieldType.TEXT, "Notes", "Заметки"),
                field("contract", FieldType.FILE, "Signed contract", "Подписанный договор"),
                new FieldDefinition("lines", FieldType.TABLE, new LocalizedText("Order lines", "Строки заказа"), false,
                        false, false, false, null, false, null, null, null, line, null));
    }

    private static FieldDefinition field(String code, FieldType type, String en, String ru) {
        return new FieldDefinition(code, type, new LocalizedText(en, ru), false, false, false, false, null, false,
                null, null, null, null, null);
    }
}
