package org.permanence.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Debian Chromium per test class, driven by Debian's chromedriver. Both paths are
 * given explicitly, so Selenium Manager never runs and nothing is downloaded (CI has no internet).
 * Screenshots go to {@code target/screenshots}; a failing test leaves one there with the page source.
 * Without the browser the tests fail, never skip: the test command installs it ({@code .ci/test-prerequisites}).
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(System.getProperty("permanence.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("permanence.test.chromedriver", "/usr/bin/chromedriver"));
    /** Camunda's web apps are AngularJS, slow to render on a busy 2-core machine: be patient, never sleep. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final String language;
    private final String timeZone;
    private WebDriver driver;
    private Path profile;

    /** An American browser, on the machine's clock: what the tests ran with before Tasklist spoke French. */
    HeadlessChromium() {
        this("en-US", null);
    }

    private HeadlessChromium(String language, String timeZone) {
        this.language = language;
        this.timeZone = timeZone;
    }

    /** A browser in the office: French first (navigator.languages, Accept-Language), on Paris time. */
    static HeadlessChromium inAFrenchOffice() {
        return new HeadlessChromium("fr-FR,fr", "Europe/Paris");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                fail(executable + " is missing: the browser tests need Debian's chromium and chromium-driver "
                        + "(run .ci/test-prerequisites, or: apt-get install chromium chromium-driver)");
            }
        }
        profile = Files.createTempDirectory("permanence-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // a fresh profile each run; a fixed size and language so screenshots look alike everywhere
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=" + language.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService.Builder service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile());
        if (timeZone != null) {
            service.withEnvironment(Map.of("TZ", timeZone)); // Chromium's Intl (and Tasklist's footer) read the zone from TZ
        }
        driver = new ChromeDriver(service.build(), options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            screenshot(name);
            write(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Waits until the condition gives something other than null or false. Tasklist re-renders its
     * list while it refreshes, so an element found a moment ago may be gone: the condition is tried again.
     */
    <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "waited " + PATIENCE.toSeconds() + " s for " + what + " (page: " + driver.getCurrentUrl()
                        + ", showing: " + visibleText() + ")")
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Whether what the locator finds is shown within {@code patience}: a question, not a wait that fails the test. */
    boolean appears(By locator, Duration patience) {
        try {
            new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(locator));
            return true;
        } catch (TimeoutException notYet) {
            return false;
        }
    }

    /**
     * Clicks what the locator finds once it can be clicked. Scrolled to the middle first: Tasklist's
     * fixed footer covers the bottom of the task form, and the click would land on the footer.
     */
    void click(By locator, String what) {
        waitUntil(what + " to be clickable", browser -> {
            WebElement element = browser.findElement(locator);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            try {
                element.click();
                return true;
            } catch (ElementNotInteractableException notYet) {
                // still covered by something else (ElementClickInterceptedException is one of these)
                return false;
            }
        });
    }

    /**
     * What the page shows, shortened: a wait that fails in CI, whose screenshots nobody can open, says in
     * its message whether she was looking at a login form, an error or an empty list.
     */
    private String visibleText() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").trim();
            return text.length() > 600 ? text.substring(0, 600) + "…" : text;
        } catch (RuntimeException noPage) {
            return "(nothing: " + noPage.getClass().getSimpleName() + ")";
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
