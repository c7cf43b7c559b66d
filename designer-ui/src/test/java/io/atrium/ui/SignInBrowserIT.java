package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person opens Atrium in a browser, signs in and sees the home page. */
class SignInBrowserIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private void signIn(Browser browser, String username, String password) {
        var driver = browser.driver();
        driver.get("http://localhost:" + port + "/");
        var wait = browser.waitUpTo(WAIT);
        wait.until(ExpectedConditions.urlContains("/login"));
        var user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
    }

    @Test
    void shouldSignInAndSeeTheHomePageWithBothEnginesUp() {
        try (var browser = new Browser("en-US")) {
            signIn(browser, "admin", ADMIN_PASSWORD);

            var wait = browser.waitUpTo(WAIT);
            var home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("engine-zeebe")));
            browser.screenshot("home-en");

            assertThat(home.getText()).contains("Welcome, Administrator").contains("administrator");
            assertThat(browser.driver().findElement(By.id("engine-mongo")).getText()).startsWith("UP").contains("embedded");
            assertThat(browser.driver().findElement(By.id("engine-zeebe")).getText()).startsWith("UP").contains("1 broker");
            assertThat(browser.driver().getTitle()).isEqualTo("Home · Atrium");
            assertThat(browser.consoleMessages()).as("the content security policy lets the UI work")
                    .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"));
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        try (var browser = new Browser("en-US")) {
            signIn(browser, "admin", "not-the-password");

            var wait = browser.waitUpTo(WAIT);
            wait.until(ExpectedConditions.urlContains("error"));
            var form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-login-form")));
            wait.until(d -> form.getText().contains("Incorrect username or password"));
            browser.screenshot("login-error");

            assertThat(browser.driver().findElements(By.id("home"))).isEmpty();
        }
    }

    @Test
    void shouldSpeakRussianToARussianBrowser() {
        try (var browser = new Browser("ru")) {
            browser.driver().get("http://localhost:" + port + "/login");
            var wait = browser.waitUpTo(WAIT);
            var form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-login-form")));
            wait.until(d -> form.getText().contains("Вход в Atrium"));
            browser.screenshot("login-ru");

            signIn(browser, "admin", ADMIN_PASSWORD);
            var home = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("engine-zeebe")));
            browser.screenshot("home-ru");

            assertThat(home.getText()).contains("Добро пожаловать").contains("РАБОТАЕТ");
        }
    }
}
