package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator adds a group and a user in the UI; the user creates an API token that works. */
class AdminBrowserIT extends PlatformTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;

    /** Opens an account's dialog from the users grid. */
    private static void openAccount(Browser browser, String username) {
        var cell = browser.waitUpTo(java.time.Duration.ofSeconds(30)).until(d -> d.findElements(
                org.openqa.selenium.By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + username + "']"))
                .stream().findFirst().orElse(null));
        cell.click();
        browser.element("#user-revoke-tokens");
    }

    @Test
    void shouldManageUsersAndIssueAWorkingToken() throws Exception {
        String secret;
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.navigate("admin/users");
            browser.type("#group-code input", "billing");
            browser.type("#group-name input", "Billing");
            browser.click("#add-group");
            browser.waitForText("#users-view", "Billing");
            browser.click("#new-user");
            browser.type("#user-username input", "bella");
            browser.type("#user-display-name input", "Bella Billing");
            browser.type("#user-password input", "billing-desk-key-1");
            browser.pick("#user-roles", "operator");
            browser.waitForText("#user-roles", "operator");
            browser.pick("#user-groups", "billing");
            browser.waitForText("#user-groups", "billing");
            browser.screenshot("admin-new-user");
            // the last combo box's options may still cover the footer: press the button itself
            browser.driver().executeScript("arguments[0].click()", browser.element("#user-save"));
            browser.waitForText("#users-view vaadin-grid", "bella");
            browser.screenshot("admin-users");
            openAccount(browser, "bella");
            browser.waitForText("#user-revoke-tokens", "Also revoke this user's API tokens");
            browser.screenshot("admin-edit-user");
        }
        try (var browser = new Browser("ru-RU")) {
            browser.signIn(port, "admin", ADMIN_PASSWORD);
            browser.navigate("admin/users");
            browser.waitForText("#users-view vaadin-grid", "bella");
            openAccount(browser, "bella");
            browser.waitForText("#user-revoke-tokens", "Также отозвать API-токены пользователя");
            browser.screenshot("admin-edit-user-ru");
        }
        var bella = users.findByUsername("bella").orElseThrow();
        assertThat(bella.roles()).containsExactly(Role.OPERATOR);
        assertThat(bella.groups()).containsExactly("billing");
        assertThat(groups.exists("billing")).isTrue();

        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "bella", "billing-desk-key-1");
            browser.open(port, "/me/tokens");
            browser.type("#token-name input", "spreadsheet");
            browser.click("#create-token");
            secret = browser.element("#token-secret input").getDomProperty("value");
            browser.screenshot("tokens");
        }
        assertThat(secret).startsWith("atr_");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/tokens"))
                .header("Authorization", "Bearer " + secret).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("spreadsheet");
    }
}
