package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator who opens a designer's address, or an address no page answers, sees a page of the
 * shell that says so, in their language, not a bare "Could not navigate".
 */
class AccessDeniedBrowserIT extends PlatformTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    @ParameterizedTest
    @CsvSource({"en-US, No access to this page, Page not found, Go to the home page",
            "ru-RU, Нет доступа к этой странице, Страница не найдена, На главную страницу"})
    void shouldExplainADeniedAndAnUnknownPageInsideTheShell(String language, String denied, String notFound,
            String home) {
        // given a signed-in operator
        if (users.findByUsername("olga").isEmpty()) {
            users.create("olga", "Olga", "counter-phrase-63", Set.of(Role.OPERATOR));
        }
        try (var browser = new Browser(language)) {
            browser.signIn(port, "olga", "counter-phrase-63");

            // when she opens the app designer's address
            browser.open(port, "/designer/apps");

            // then the shell says what happened and offers the way home
            var page = browser.element("#access-denied");
            assertThat(page.findElement(By.tagName("h2")).getText()).isEqualTo(denied);
            assertThat(page.getText()).contains("/designer/apps").doesNotContain("Could not navigate");
            assertThat(browser.element("#access-denied-home").getText()).isEqualTo(home);
            assertThat(browser.driver().findElements(By.tagName("vaadin-side-nav"))).isNotEmpty();
            browser.screenshot("access-denied-" + language.substring(0, 2));

            browser.click("#access-denied-home");
            browser.element("#home");

            // and a link to an address no page answers is explained the same way (a page load of such an
            // address is refused by the web security before any page is looked up)
            browser.driver().executeScript("var link = document.createElement('a'); link.href = 'no/such/page';"
                    + " link.setAttribute('router-link', ''); document.body.appendChild(link); link.click();");
            var missing = browser.element("#not-found");
            assertThat(missing.findElement(By.tagName("h2")).getText()).isEqualTo(notFound);
            assertThat(missing.getText()).contains("/no/such/page").doesNotContain("Could not navigate");
            assertThat(browser.element("#not-found-home").getText()).isEqualTo(home);
            browser.screenshot("not-found-" + language.substring(0, 2));
        }
    }
}
