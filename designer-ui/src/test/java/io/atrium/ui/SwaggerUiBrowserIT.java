package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.identity.ApiTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI as a developer uses it: Authorize with an API token, then "Try it out" on an
 * operation answers 200 with data, and without the token the same call answers a 401 problem.
 */
class SwaggerUiBrowserIT extends PlatformTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    @Test
    void shouldAuthorizeWithABearerTokenAndTryAnOperation() {
        String secret = tokens.issue("admin", "swagger-ui").secret();
        try (var browser = new Browser("en-US")) {
            browser.open(port, "/swagger-ui/index.html");
            var wait = browser.waitUpTo(WAIT);
            wait.until(d -> d.findElement(By.cssSelector(".info .title")).getText().contains("Atrium"));

            // without a token the call is refused with a problem
            assertThat(tryListingApps(browser)).isEqualTo("401");

            // Authorize: the bearer scheme takes the token
            browser.driver().findElement(By.cssSelector("button.authorize")).click();
            WebElement input = wait.until(d -> d.findElement(By.cssSelector(".modal-ux input[type=text], "
                    + ".modal-ux input[type=password]")));
            input.sendKeys(secret);
            browser.driver().findElement(By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize")).click();
            browser.driver().findElement(By.cssSelector(".modal-ux button.btn-done")).click();
            browser.screenshot("swagger-ui-authorized");

            assertThat(tryListingApps(browser)).isEqualTo("200");
            browser.screenshot("swagger-ui-try-it-out");
        }
    }

    /** Runs GET /api/v1/apps from its operation block and returns the status code shown. */
    private static String tryListingApps(Browser browser) {
        var driver = browser.driver();
        var wait = browser.waitUpTo(WAIT);
        WebElement block = wait.until(d -> d.findElements(By.cssSelector(".opblock.opblock-get")).stream()
                .filter(b -> b.findElement(By.cssSelector(".opblock-summary-path")).getText().strip()
                        .equals("/api/v1/apps"))
                .findFirst().orElse(null));
        if (block.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            block.findElement(By.cssSelector(".opblock-summary")).click();
        }
        var tryOut = wait.until(d -> block.findElements(By.cssSelector("button.try-out__btn")).stream().findFirst()
                .orElse(null));
        if (tryOut.getText().contains("Try it out")) {
            tryOut.click();
        }
        // an earlier answer still shows: clear it, or the wait below would read it instead of the new one
        block.findElements(By.cssSelector("button.btn-clear")).forEach(WebElement::click);
        wait.until(d -> block.findElements(By.cssSelector(".live-responses-table")).isEmpty());
        wait.until(d -> block.findElement(By.cssSelector("button.execute"))).click();
        return wait.until(d -> {
            var codes = block.findElements(By.cssSelector(".live-responses-table tbody .response-col_status"));
            String text = codes.isEmpty() ? "" : codes.getFirst().getText().strip();
            return text.isEmpty() ? null : text.split("\\s")[0];
        });
    }
}
