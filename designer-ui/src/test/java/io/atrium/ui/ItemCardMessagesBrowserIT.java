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
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The item card tells validation messages, and shows its examples, in the user's language. */
class ItemCardMessagesBrowserIT extends PlatformTestSupport {

    private static final AppRef GUESTS = new AppRef("lang", "guests");
    private static final String PASSWORD = "guest-list-keeper-7";

    @LocalServerPort
    int port;
    @Autowired
    AppCatalog apps;
    @Autowired
    UserDirectory users;
    @Autowired
    AccessPolicy access;

    @BeforeEach
    void publishGuests() {
        if (users.findByUsername("vera").isPresent()) {
            return;
        }
        apps.saveDraft(new AppDefinition(GUESTS, new LocalizedText("Guests", "Гости"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                FieldDefinition.of("phone", FieldType.PHONE))), "admin");
        apps.publish(GUESTS, "admin");
        access.setRules(new Actor("admin", Set.of(Role.ADMIN), Set.of()), GUESTS, new AppAccess(List.of(new AppGrant(
                Role.OPERATOR, EnumSet.of(Permission.READ, Permission.CREATE, Permission.UPDATE), ItemScope.ALL)),
                null, null));
        users.create("vera", "Vera Operator", PASSWORD, Set.of(Role.OPERATOR));
    }

    @Test
    void shouldTellTheItemCardsValidationMessagesInRussian() {
        try (var browser = new Browser("ru-RU")) {
            // given
            browser.signIn(port, "vera", PASSWORD);
            browser.open(port, "/apps/lang/guests/new");
            assertThat(browser.element("#field-phone").getDomProperty("placeholder")).isEqualTo("+7 912 345-67-89");

            // when
            browser.type("#field-phone input", "call me");
            browser.click("#save");

            // then
            browser.waitForText("#field-name", "Значение обязательно");
            browser.waitForText("#field-phone", "Ожидается номер телефона, например +7 912 345-67-89");
            browser.screenshot("item-card-messages-ru");
        }
    }

    @Test
    void shouldTellTheItemCardsValidationMessagesInEnglishWithAnEnglishExample() {
        try (var browser = new Browser("en-US")) {
            // given
            browser.signIn(port, "vera", PASSWORD);
            browser.open(port, "/apps/lang/guests/new");
            assertThat(browser.element("#field-phone").getDomProperty("placeholder")).isEqualTo("+1 212 555 0142");

            // when
            browser.type("#field-phone input", "call me");
            browser.click("#save");

            // then
            browser.waitForText("#field-name", "A value is required");
            browser.waitForText("#field-phone", "A phone number like +1 212 555 0142 is expected");
        }
    }
}
