package org.permanence.browser;

import static org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Camunda Tasklist as a secretary uses it. Tasklist's own parts are found by its stable hooks
 * (AngularJS {@code ng-model}/{@code ng-click}, its CSS classes), never by its English wording; the
 * task form by the component ids and option labels of our Camunda Forms ({@code forms/*.form}):
 * form-js renders component {@code CallerName} as an element whose id ends in {@code -CallerName}.
 */
final class Tasklist {

    /** What Tasklist shows of an opened task: the tenant in the card's corner and the form's briefing card. */
    record OpenedTask(String id, String tenant, String briefing) {
    }

    private static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active h4.name");
    private static final By ACTIVE_FILTER_COUNTER = By.cssSelector(".task-filter.active .counter");
    private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task a");
    private static final By TENANT = By.cssSelector(".task-card .tenant-id");
    /** The first text component of the task's form: in handle-call.form, the client's briefing card. */
    private static final By BRIEFING = By.cssSelector(".task-card .fjs-form-field-text");
    /** Tasklist greys the form out while the task is not assigned to the signed-in user. */
    private static final By LOCKED_FORM = By.cssSelector(".task-card .disabled-form");
    private static final By CLAIM = By.cssSelector(".task-card button.claim");
    private static final By START_FORM = By.cssSelector(".modal-body .fjs-form");
    private static final By OPTIONS = By.cssSelector(".fjs-dropdownlist-item");

    private final HeadlessChromium browser;
    private final String url;

    Tasklist(HeadlessChromium browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    /** Signs in through Tasklist's own login form and waits for her filters. */
    void signIn(String user, String password) {
        browser.driver().get(url);
        type(By.cssSelector("form[name='signinForm'] input[ng-model='username']"), user);
        type(By.cssSelector("form[name='signinForm'] input[ng-model='password']"), password);
        browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"), "the Log in button");
        browser.waitUntil("her task filters", visibilityOfElementLocated(ACTIVE_FILTER));
    }

    /** Opens the start form of this process, as her "Démarrer un processus" list does (Tasklist's own link to it). */
    void openStartForm(String processKey) {
        browser.driver().get(url + "#/?processStart=" + processKey);
        browser.waitUntil("the start form", visibilityOfElementLocated(START_FORM));
    }

    /** The labels a select field of the form offers now, read from its list, opened and left open for {@link #choose}. */
    List<String> optionsOf(String componentId) {
        browser.click(select(componentId), "the " + componentId + " list");
        return browser.waitUntil("the " + componentId + " list to open", driver -> driver.findElements(OPTIONS).isEmpty() ? null
                : driver.findElements(OPTIONS).stream().map(WebElement::getText).map(String::trim).toList());
    }

    /** Starts the process with the start form as filled. */
    void start() {
        browser.click(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"), "the Start button");
        browser.waitUntil("the start form to close", driver -> driver.findElements(START_FORM).isEmpty());
    }

    /**
     * Loads Tasklist afresh, as after F5 but with no task open (a plain URL is a full page load).
     * <p>
     * On a loaded CI machine Tasklist has, a few times in hundreds of loads, stayed on its spinner: its
     * scripts load its plugins with no time limit ({@code waitSeconds: 0}), so one request the browser never
     * finished leaves the page waiting forever (seen with an empty page, the AngularJS app never started; not
     * reproduced on a quiet machine, in a loop of reloads either). A person presses F5 again; so does this,
     * once, after saying in the log which of the page's requests had finished — the clue to the lost one.
     */
    void reload() {
        browser.driver().get(url);
        if (!browser.appears(ACTIVE_FILTER, Duration.ofSeconds(30))) {
            System.out.println("Tasklist still on its spinner 30 s after loading " + url + "; its finished requests: "
                    + ((JavascriptExecutor) browser.driver()).executeScript(
                            "return performance.getEntriesByType('resource').map(e => e.name).join(' ')"));
            browser.driver().navigate().refresh();
        }
        awaitFilters();
    }

    /** Waits until Tasklist, loaded by a link she followed, shows her filters. */
    void awaitFilters() {
        browser.waitUntil("her task filters", visibilityOfElementLocated(ACTIVE_FILTER));
    }

    /** The name of the filter Tasklist opened (its task counter is part of the text). */
    String activeFilter() {
        return browser.driver().findElement(ACTIVE_FILTER).getText();
    }

    /**
     * The tasks the list shows, once it agrees with the filter's counter: Tasklist loads the two
     * with separate queries, so an empty or half-drawn list is never taken for the answer.
     */
    List<String> listedTaskIds() {
        return browser.waitUntil("the task list to match its filter's counter", driver -> {
            String counter = driver.findElement(ACTIVE_FILTER_COUNTER).getText().trim();
            List<WebElement> links = driver.findElements(TASK_LINKS);
            return counter.equals(String.valueOf(links.size())) ? links.stream().map(Tasklist::taskId).toList() : null;
        });
    }

    /** Clicks the task in the list and reads what its card shows. */
    OpenedTask open(String taskId) {
        WebDriver driver = browser.driver();
        // the form of the task open before is replaced, not updated: wait for it to go, or its briefing would be read
        List<WebElement> previousForm = driver.findElements(BRIEFING);
        browser.click(taskLink(taskId), "task " + taskId + " in the list");
        previousForm.forEach(form -> browser.waitUntil("the previous task's form to close", stalenessOf(form)));
        String briefing = browser.waitUntil("the form of task " + taskId, visibilityOfElementLocated(BRIEFING)).getText();
        String tenant = driver.findElements(TENANT).stream().map(WebElement::getText).findFirst().orElse("");
        return new OpenedTask(taskId, tenant.trim(), briefing);
    }

    /**
     * Makes the open task hers: claims it from the team queue, or, when the office already gave it to
     * her, finds it so. Returns the assignee Tasklist then shows, once the form is unlocked for her.
     */
    String claim() {
        browser.waitUntil("the Claim button or her name on the task",
                driver -> !driver.findElements(CLAIM).isEmpty() || !assignee(driver).isEmpty());
        if (!browser.driver().findElements(CLAIM).isEmpty()) {
            browser.click(CLAIM, "the Claim button");
        }
        return browser.waitUntil("the task to be hers and its form unlocked", driver -> {
            if (!driver.findElements(CLAIM).isEmpty() || !driver.findElements(LOCKED_FORM).isEmpty()) {
                return null;
            }
            String assignee = assignee(driver);
            return assignee.isEmpty() ? null : assignee;
        });
    }

    private static String assignee(WebDriver driver) {
        return driver.findElements(By.cssSelector(".task-card li.assignee")).stream().map(WebElement::getText).map(String::trim)
                .findFirst().orElse("");
    }

    /** Types into a text field or text area of the form. */
    void fill(String componentId, String text) {
        type(field(componentId), text);
    }

    /** What a text field or text area of the form holds now. */
    String valueOf(String componentId) {
        return browser.waitUntil("field " + componentId, visibilityOfElementLocated(field(componentId))).getDomProperty("value");
    }

    /** Replaces what a text field or text area holds, as she would after selecting it all. */
    void rewrite(String componentId, String text) {
        By locator = field(componentId);
        browser.click(locator, "field " + componentId);
        browser.driver().findElement(locator).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.waitUntil("field " + componentId + " to be empty", driver -> driver.findElement(locator).getDomProperty("value").isEmpty());
        type(locator, text);
        // she moves on, as a person does: the form checks the field on leaving it, and redraws, before any button is pressed
        browser.driver().findElement(locator).sendKeys(Keys.TAB);
        browser.waitUntil("field " + componentId + " to be left", driver -> !driver.findElement(locator).equals(driver.switchTo().activeElement()));
    }

    /** Picks an option of a select field by its label, as she reads it. */
    void choose(String componentId, String optionLabel) {
        By select = select(componentId);
        if (browser.driver().findElements(OPTIONS).isEmpty()) {
            browser.click(select, "the " + componentId + " list");
        }
        WebElement searchBox = browser.driver().findElement(select);
        if ("input".equals(searchBox.getTagName())) {
            // a searchable list is long (a fortnight of slots) and scrolls within itself, where a click misses what is
            // out of its view: she types what she wants, as the field's description says, and the list keeps only that
            searchBox.sendKeys(optionLabel);
        }
        browser.click(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space() = " + literal(optionLabel) + "]"),
                "option " + optionLabel);
        // closed: what she typed to search shows too, but only a pick closes the list
        browser.waitUntil(componentId + " to show " + optionLabel + ", its list closed",
                driver -> driver.findElements(OPTIONS).isEmpty() && optionLabel.equals(shown(driver.findElement(select))));
    }

    /** Ticks a radio button by its label. */
    void check(String componentId, String optionLabel) {
        By radio = By.xpath("//label[input[@type = 'radio' and contains(@id, '-" + componentId + "-')]]"
                + "[normalize-space() = " + literal(optionLabel) + "]");
        browser.click(radio, "choice " + optionLabel);
        browser.waitUntil(optionLabel + " to be ticked", driver -> driver.findElement(radio).findElement(By.tagName("input")).isSelected());
    }

    /** Completes the open task; done when Tasklist has dropped it from her list. */
    void complete(String taskId) {
        browser.click(By.cssSelector(".task-card .form-actions button[ng-click='complete()']"), "the Complete button");
        browser.waitUntil("task " + taskId + " to leave the list", driver -> driver.findElements(taskLink(taskId)).isEmpty());
    }

    /** Types and checks the field holds the text: a keystroke lost while the page re-renders fails here, not later. */
    private void type(By locator, String text) {
        browser.click(locator, "field " + locator);
        WebElement input = browser.driver().findElement(locator);
        input.sendKeys(text);
        browser.waitUntil("field " + locator + " to hold " + text, driver -> text.equals(driver.findElement(locator).getDomProperty("value")));
    }

    /**
     * Where a select field of the form shows its choice and opens its list when clicked: its display, or, when the
     * field is searchable (pick-slot.form's slots: she types a day to filter), its search box, which has the field's own id.
     */
    private static By select(String componentId) {
        String form = ":is(.task-card, .modal-body) ";
        return By.cssSelector(form + "[id$='-" + componentId + "-display'], " + form + "input.fjs-input[id$='-" + componentId + "']");
    }

    /** The label a select field shows as chosen. */
    private static String shown(WebElement select) {
        return ("input".equals(select.getTagName()) ? select.getDomProperty("value") : select.getText()).trim();
    }

    /** A field of the open task's form, or of the start form. */
    private static By field(String componentId) {
        return By.cssSelector(":is(.task-card, .modal-body) [id$='-" + componentId + "']");
    }

    private static By taskLink(String taskId) {
        return By.cssSelector("ol.tasks-list li.task h4.task a[href$='task=" + taskId + "']");
    }

    private static String taskId(WebElement link) {
        String href = link.getDomAttribute("href");
        return href.substring(href.indexOf("task=") + "task=".length());
    }

    /** A string as an XPath literal, whichever quotes it holds ("l'appel"). */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
