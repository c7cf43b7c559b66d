package io.atrium.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its ChromeDriver. Screenshots land in
 * {@code target/screenshots} so a person can look at what the UI showed.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File(System.getProperty("atrium.test.chromium", "/usr/bin/chromium"));
    /** {@code -Datrium.test.window=390,844} runs the browser tests at a phone's width. */
    private static final File CHROMEDRIVER =
            new File(System.getProperty("atrium.test.chromedriver", "/usr/bin/chromedriver"));

    private static final String WINDOW = System.getProperty("atrium.test.window", "1280,860");

    private final ChromeDriver driver;
    private final Path profile;
    private int width;
    private int height;

    public Browser(String language) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        try {
            profile = Files.createTempDirectory("atrium-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + WINDOW, "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        String[] size = WINDOW.split(",");
        resize(Integer.parseInt(size[0].strip()), Integer.parseInt(size[1].strip()));
    }

    /**
     * Gives the page an exact size, e.g. a phone's 390 × 844 (headless Chromium keeps its window at
     * least 500 px wide, so the page is sized, not the window); below 600 px it is a phone's page.
     */
    public void resize(int width, int height) {
        this.width = width;
        this.height = height;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** The page's width in CSS pixels, as set by {@link #resize}. */
    public int width() {
        return width;
    }

    /**
     * A screenshot of the whole page, not only of what fits on the screen: for the picture the page
     * is made as tall as its content (at most 4,000 px), then given its height back.
     */
    public Path screenshotWhole(String name) {
        int screen = height;
        // the shell scrolls its content part, not the document
        long content = ((Number) driver.executeScript("""
                window.scrollTo(0, 0);
                const heights = [document.documentElement.scrollHeight];
                const layout = document.querySelector('vaadin-app-layout');
                const part = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part=content]');
                if (part) {
                  part.scrollTop = 0;
                  heights.push(part.getBoundingClientRect().top + part.scrollHeight);
                }
                return Math.ceil(Math.max(...heights));""")).longValue();
        if (content <= screen) {
            return screenshot(name);
        }
        resize(width, (int) Math.min(content, 4000));
        try {
            Thread.sleep(300); // the page lays itself out again
            return screenshot(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            resize(width, screen);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Opens a path of the platform under test. */
    public void open(int port, String path) {
        driver.get("http://localhost:" + port + path);
    }

    /** Signs in through the login page and waits for the home page. */
    public void signIn(int port, String username, String password) {
        open(port, "/login");
        waitUpTo(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("home")));
    }

    /** Fills in and sends the login form, and waits until the login page shows again. */
    public void signInFails(int port, String username, String password) {
        open(port, "/login");
        waitUpTo(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        waitUpTo(WAIT).until(ExpectedConditions.urlMatches("/login\\?(error|locked=)"));
    }

    /** The element, scrolled into view; a screenshot named "failure" is taken if it never shows. */
    public WebElement element(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                var found = waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
                driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
                // looked up afresh: the page may have drawn it anew since (waitUpTo ignores stale elements)
                return waitUpTo(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) { // redrawn again and again: give up
                    screenshot("failure");
                    throw e;
                }
            } catch (RuntimeException e) {
                screenshot("failure");
                throw e;
            }
        }
    }

    /** Types into a Vaadin text input and commits the value as a person would, by leaving the field. */
    public void type(String css, String text) {
        retrying(() -> {
            var input = element(css);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text, Keys.TAB);
        });
    }

    /** Clicks the element; if the page redrew it meanwhile, finds it again. */
    public void click(String css) {
        retrying(() -> {
            var target = element(css);
            waitUpTo(WAIT).until(ExpectedConditions.elementToBeClickable(target)).click();
        });
    }

    /**
     * Follows an entry of the side navigation; on a narrow screen, where the navigation sits in a
     * closed drawer, the drawer is opened first, as a person would.
     */
    public void navigate(String path) {
        String item = "vaadin-side-nav-item[path='" + path + "']";
        var found = waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(item)));
        if (!found.isDisplayed()) {
            click("vaadin-drawer-toggle");
        }
        click(item);
    }

    /** Ticks a Vaadin checkbox through its native input, which is present but drawn by the host. */
    public void check(String css) {
        var input = waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css + " input")));
        driver.executeScript("arguments[0].click()", input);
    }

    /** Finds a visible combo box option with the text, looking through shadow roots too. */
    private static final String FIND_OPTION = """
            const text = arguments[0];
            const visible = el => el.getClientRects().length > 0;
            function walk(root) {
              for (const el of root.querySelectorAll('*')) {
                if (/^vaadin-(multi-select-)?combo-box-item$/i.test(el.tagName) && visible(el)
                    && el.textContent.trim() === text) {
                  return el;
                }
                if (el.shadowRoot) {
                  const found = walk(el.shadowRoot);
                  if (found) return found;
                }
              }
              return null;
            }
            return walk(document);""";

    /**
     * Types into a combo box (single or multi-select), waits for the option with exactly that text
     * to arrive from the server and picks it, as a person would, then closes the list.
     */
    public void pick(String css, String option) {
        retrying(() -> pickOnce(css, option));
    }

    /**
     * Runs a step again when the page redrew what it touched, or had not finished drawing it
     * (a server round trip replaces components while the test already holds them).
     */
    private void retrying(Runnable step) {
        for (int attempt = 0; ; attempt++) {
            try {
                step.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.ElementNotInteractableException e) {
                if (attempt == 4) {
                    screenshot("failure");
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void pickOnce(String css, String option) {
        var input = element(css + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), option); // replaces what a single combo box shows
        try {
            var found = waitUpTo(WAIT).until(d -> (WebElement) driver.executeScript(FIND_OPTION, option));
            driver.executeScript("arguments[0].click()", found);
        } catch (RuntimeException e) {
            screenshot("failure");
            throw e;
        }
        // closes a list that stays open (a multi-select's); on a closed combo box with a clear
        // button, Escape would clear the value just picked
        if (input.isDisplayed() && Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].opened === true", element(css)))) {
            input.sendKeys(Keys.ESCAPE);
        }
    }

    /** Finds a visible element matching a selector anywhere, looking through shadow roots too. */
    private static final String FIND_DEEP = """
            const selector = arguments[0];
            function walk(root) {
              for (const el of root.querySelectorAll('*')) {
                if (el.matches(selector) && el.getClientRects().length > 0) return el;
                if (el.shadowRoot) {
                  const found = walk(el.shadowRoot);
                  if (found) return found;
                }
              }
              return null;
            }
            return walk(document);""";

    /** Clicks an element that may sit in a shadow root or an overlay, once it is visible. */
    public void clickDeep(String css) {
        try {
            var found = waitUpTo(WAIT).until(d -> (WebElement) driver.executeScript(FIND_DEEP, css));
            driver.executeScript("arguments[0].click()", found);
        } catch (RuntimeException e) {
            screenshot("failure");
            throw e;
        }
    }

    /** Ticks the checkbox with this label inside a Vaadin checkbox group. */
    public void tick(WebElement group, String label) {
        for (WebElement box : group.findElements(org.openqa.selenium.By.cssSelector("vaadin-checkbox"))) {
            if (box.getText().strip().equals(label)) {
                driver.executeScript("arguments[0].click()", box.findElement(org.openqa.selenium.By.cssSelector(
                        "input")));
                return;
            }
        }
        screenshot("failure");
        throw new IllegalStateException("No checkbox '" + label + "' in the group");
    }

    /**
     * Drags one element onto another with the HTML5 drag-and-drop events a person's mouse
     * produces (ChromeDriver's own mouse actions do not start HTML5 drags).
     */
    public void dragAndDrop(WebElement source, WebElement target) {
        driver.executeScript("""
                const [source, target] = arguments;
                const data = new DataTransfer();
                const fire = (element, type) => element.dispatchEvent(
                    new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
                fire(source, 'dragstart');
                fire(target, 'dragenter');
                fire(target, 'dragover');
                fire(target, 'drop');
                fire(source, 'dragend');""", source, target);
    }

    /** Puts a file into a Vaadin upload through its file input, which lives in the upload's shadow root. */
    public void upload(String css, Path file) {
        var host = element(css);
        WebElement input = (WebElement) driver.executeScript(
                "return arguments[0].querySelector('input[type=file]')"
                        + " || (arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('input[type=file]'))",
                host);
        if (input == null) {
            screenshot("failure");
            throw new IllegalStateException("No file input in " + css);
        }
        input.sendKeys(file.toAbsolutePath().toString());
    }

    public void waitForText(String css, String text) {
        try {
            // any of the matching elements: several notifications, for one, may be open at once
            waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> {
                try {
                    return e.getText().contains(text);
                } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                    return false;
                }
            }));
        } catch (RuntimeException e) {
            screenshot("failure");
            throw e;
        }
    }

    /** A wait that looks again when the page redrew what it was looking at. */
    public WebDriverWait waitUpTo(Duration timeout) {
        var wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** What the page wrote to the browser console since the last call, e.g. content security policy violations. */
    public java.util.List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
