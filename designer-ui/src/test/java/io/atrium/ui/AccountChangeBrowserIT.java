package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Open sessions follow their account: a changed role or a disabled account sends the person to the login page. */
class AccountChangeBrowserIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private void ensure(String username, String password, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(username, username, password, Set.of(role));
        }
    }

    /** A node may use what it read of an account for up to a second; after that it sees the change. */
    private static void waitOutTheAccountCache() {
        try {
            Thread.sleep(1_200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertSentToLogin(Browser browser) {
        var wait = browser.waitUpTo(WAIT);
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-login-form")));
    }

    @Test
    void shouldEndAnAnalystsSessionWhenTheRoleIsTakenAway() {
        ensure("nadia", "designer-phrase-41", Role.ANALYST);
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "nadia", "designer-phrase-41");
            browser.open(port, "/designer/apps");
            browser.element("#app-namespace");
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"));

            users.update("nadia", null, Set.of(Role.OPERATOR), null, null); // what an administrator does
            waitOutTheAccountCache();
            browser.navigate("");

            assertSentToLogin(browser);
            browser.screenshot("session-ended-after-role-change");
            browser.open(port, "/designer/apps");
            assertSentToLogin(browser);
        }
    }

    @Test
    void shouldEndADisabledOperatorsSessionAndRefuseTheSignIn() {
        ensure("omar", "counter-phrase-52", Role.OPERATOR);
        try (var browser = new Browser("en-US")) {
            browser.signIn(port, "omar", "counter-phrase-52");
            browser.open(port, "/me/tokens");
            browser.element("#tokens-view");

            users.update("omar", null, null, null, false);
            waitOutTheAccountCache();
            browser.navigate("");

            assertSentToLogin(browser);
            assertThat(browser.driver().findElements(By.id("home"))).isEmpty();
            browser.signInFails(port, "omar", "counter-phrase-52");
        } finally {
            users.update("omar", null, null, null, true);
        }
    }

    @Test
    void shouldSayHowLongToWaitAfterTooManyWrongPasswords() {
        ensure("lena", "patient-phrase-63", Role.OPERATOR);
        try (var browser = new Browser("en-US")) {
            for (int i = 0; i < 5; i++) {
                browser.signInFails(port, "lena", "wrong-guess-" + i);
                browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("error"));
            }
            browser.signInFails(port, "lena", "patient-phrase-63"); // even the right password waits now
            browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("locked="));
            var form = browser.waitUpTo(WAIT).until(
                    ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-login-form")));
            browser.waitUpTo(WAIT).until(d -> form.getText().contains("Too many attempts")
                    && form.getText().contains("Try again in"));
            browser.screenshot("login-locked");
        }
    }
}
