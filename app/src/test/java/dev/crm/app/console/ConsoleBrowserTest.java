package dev.crm.app.console;

import dev.crm.app.support.Api;
import dev.crm.app.support.ApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit console in a real headless Chromium, against the whole application over HTTP: what a compliance
 * officer does with it, screen by screen. Each screen is saved under {@code target/console-screenshots/}.
 * The waits only bound how long a page may take to show something; nothing here depends on timing.
 */
class ConsoleBrowserTest extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser = chromium.driver();
        wait = new WebDriverWait(browser, PATIENCE);
        chromium.viewport(Chromium.DESKTOP, false);
        browser.get(api.baseUrl() + "/console/");
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
    }

    @Test
    void findsAContactFollowsItsStageChangeAndReadsItAsItWas() {
        User member = user("member");
        User auditor = user("auditor");
        String lastName = Api.unique("Kim");
        String id = member.api().post("/api/contacts/", """
                {"firstName": "Sarah", "lastName": "%s", "email": "%s@example.com", "title": "Engineering Manager",
                 "stage": "new", "tags": ["saas", "inbound"]}""".formatted(lastName, lastName.toLowerCase()))
                .expect(201).id();
        member.api().patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);

        visible(By.id("token"));
        chromium.screenshot("01-sign-in");
        signIn(auditor);
        assertThat(browser.getCurrentUrl()).doesNotContain(auditor.token());
        assertThat(visible(By.cssSelector(".activity")).getText()).contains(id, "Stage changed");
        chromium.screenshot("02-latest-changes");

        WebElement search = visible(By.id("search"));
        search.sendKeys(lastName, Keys.ENTER);
        WebElement result = visible(By.cssSelector("#results .record-link"));
        assertThat(result.getText()).contains("Sarah " + lastName, id);
        assertThat(result.findElement(By.cssSelector(".type")).getText()).isEqualToIgnoringCase("contact");
        chromium.screenshot("03-search");
        result.click();

        List<WebElement> entries = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline .entry"), 2));
        assertThat(entries.get(0).getText()).contains("Created", "v1", "Test member", "Sarah");
        WebElement stageChange = entries.get(1);
        assertThat(stageChange.getText()).contains("Stage changed", "v2", "by Test member", "request req_");
        assertThat(stageChange.findElement(By.cssSelector(".from")).getText()).isEqualTo("new");
        assertThat(stageChange.findElement(By.cssSelector(".to")).getText()).isEqualTo("engaged");
        chromium.screenshot("04-timeline");

        entries.get(0).click();
        WebElement table = visible(By.id("compare-table"));
        WebElement stageRow = table.findElement(By.xpath(".//tr[th[text()='stage']]"));
        assertThat(stageRow.getAttribute("class")).contains("differs");
        assertThat(stageRow.findElement(By.cssSelector("td.then")).getText()).isEqualTo("new");
        assertThat(stageRow.findElement(By.cssSelector("td.today")).getText()).isEqualTo("engaged");
        assertThat(entries.get(0).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(visible(By.cssSelector(".compare-summary")).getText()).containsPattern("\\d+ fields? differs? from today");
        chromium.screenshot("05-as-of");

        chromium.viewport(Chromium.PHONE, true);
        stageChange.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".compare-summary"),
                "Nothing differs from today"));
        chromium.screenshot("06-timeline-phone");
    }

    @Test
    void filtersTheAuditLogAndDownloadsWhatIsFilteredAsCsv() throws IOException {
        User member = user("member");
        String id = member.api().post("/api/contacts/",
                "{\"firstName\": \"Csv\", \"lastName\": \"Export\", \"email\": \"%s@example.com\"}".formatted(Api.unique("csv")))
                .expect(201).id();
        member.api().patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);
        signIn(user("auditor"));

        visible(By.linkText("Audit log")).click();
        visible(By.cssSelector("#audit-table tbody tr"));
        WebElement entityId = visible(By.id("f-entityId"));
        entityId.sendKeys(id);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-entityType"))).selectByValue("contact");
        browser.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("audit-count"), "2 entries"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Stage changed", id, "Test member");
        assertThat(rows.get(1).getText()).contains("Created", id);
        assertThat(browser.getCurrentUrl()).contains("entityId=" + id).contains("entityType=contact");
        chromium.screenshot("07-audit-log");

        visible(By.id("download-csv")).click();
        Path file = chromium.downloads().resolve("audit-log.csv");
        wait.until(d -> Files.exists(file) && !Files.exists(chromium.downloads().resolve("audit-log.csv.crdownload")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("download-state"), "Downloaded audit-log.csv"));
        List<CSVRecord> csv = csv(file);
        assertThat(csv).extracting(row -> row.get("entityId")).containsOnly(id);
        assertThat(csv).extracting(row -> row.get("type")).containsExactly("contact.created", "contact.stage_changed");
        assertThat(csv.get(1).get("actorName")).isEqualTo("Test member");
        assertThat(csv.get(1).get("changes")).isEqualTo("{\"stage\":{\"from\":\"new\",\"to\":\"engaged\"}}");
        Files.delete(file);

        browser.findElement(By.id("f-entityId")).clear();
        browser.findElement(By.id("f-after")).sendKeys("yesterday");
        browser.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        assertThat(visible(By.id("f-after-error")).getText()).isNotBlank();
        assertThat(visible(By.cssSelector("#audit-results .failure")).getText()).contains("Could not load this");
    }

    @Test
    void verifiesTheChainNowAndAgainstAKeptHead() {
        User auditor = user("auditor");
        JsonNode head = auditor.api().get("/api/audit/head/").expect(200).json();
        signIn(auditor);

        visible(By.linkText("Chain")).click();
        assertThat(visible(By.id("head-hash")).getText()).matches("[0-9a-f]{64}");
        visible(By.id("verify-now")).click();
        assertThat(visible(By.cssSelector("#verify-result .verdict.ok")).getText())
                .contains("Verified: every event is as it was chained");

        long position = head.get("position").longValue();
        browser.findElement(By.id("kept-position")).sendKeys(String.valueOf(position));
        browser.findElement(By.id("kept-hash")).sendKeys(head.get("hash").stringValue());
        browser.findElement(By.id("verify-kept")).click();
        assertThat(visible(By.cssSelector("#kept-result .verdict.ok")).getText())
                .contains("the chain still has this hash at position");
        chromium.screenshot("08-chain-verified");

        WebElement hash = browser.findElement(By.id("kept-hash"));
        hash.clear();
        hash.sendKeys("0".repeat(64));
        browser.findElement(By.id("verify-kept")).click();
        WebElement mismatch = visible(By.cssSelector("#kept-result .verdict.bad"));
        assertThat(mismatch.getText()).contains("Not verified: the first mismatch is at position");
        assertThat(mismatch.getCssValue("background-color")).isNotEqualTo(
                browser.findElement(By.cssSelector("#verify-result .verdict.ok")).getCssValue("background-color"));
        chromium.screenshot("09-chain-mismatch");
    }

    @Test
    void findsADeletedContactByItsName() {
        User member = user("member");
        String name = Api.unique("Dora");
        String id = member.api().post("/api/contacts/", """
                {"firstName": "%s", "lastName": "Left", "email": "%s@example.com"}""".formatted(name, name.toLowerCase()))
                .expect(201).id();
        member.api().delete("/api/contacts/" + id + "/").expect(204);
        signIn(user("auditor"));

        visible(By.id("search")).sendKeys(name, Keys.ENTER);
        WebElement result = visible(By.cssSelector("#results .record-link"));
        assertThat(result.getText()).contains(name + " Left", id);
        assertThat(result.findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("deleted");
        result.click();

        List<WebElement> entries = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline .entry"), 2));
        assertThat(entries.get(1).getText()).contains("Deleted", "Test member");
        assertThat(visible(By.cssSelector(".record-header .badge-deleted")).getText()).isEqualToIgnoringCase("deleted");
        assertThat(visible(By.id("record-title")).getText()).contains(name + " Left");
        entries.get(0).click();
        assertThat(visible(By.id("compare-table")).getText()).contains(name, "Deleted: no current state");
        chromium.screenshot("10-deleted-record");
    }

    @Test
    void findsAnErasedContactByItsIdAndShowsItsValuesAsErased() {
        User member = user("member");
        String id = member.api().post("/api/contacts/", """
                {"firstName": "Erin", "lastName": "Gone", "email": "%s@example.com", "stage": "new"}""".formatted(Api.unique("erin")))
                .expect(201).id();
        member.api().patch("/api/contacts/" + id + "/", "{\"stage\": \"engaged\"}").expect(200);
        admin.post("/api/contacts/" + id + "/erase/", null).expect(204);
        signIn(user("auditor"));

        visible(By.id("search")).sendKeys(id, Keys.ENTER);
        WebElement result = visible(By.cssSelector("#results .record-link"));
        assertThat(result.getText()).contains("Erased record", id);
        assertThat(result.findElement(By.cssSelector(".badge")).getText()).isEqualToIgnoringCase("erased");
        result.click();

        List<WebElement> entries = wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline .entry"), 4));
        assertThat(entries).extracting(WebElement::getText).noneMatch(text -> text.contains("Erin") || text.contains("Gone"));
        assertThat(entries.get(0).findElements(By.cssSelector(".erased"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(entries.get(1).getText()).contains("Stage changed", "engaged");
        assertThat(entries.get(2).getText()).contains("Deleted");
        assertThat(entries.get(3).getText()).contains("Erased");
        assertThat(visible(By.cssSelector(".record-header .badge-erased")).getText()).isEqualToIgnoringCase("erased");
        entries.get(1).click();
        WebElement table = visible(By.id("compare-table"));
        assertThat(table.getText()).doesNotContain("Erin").contains("Deleted: no current state");
        chromium.screenshot("11-erased-record");
    }

    @Test
    void aRefusedTokenLeadsBackToSignInAndSigningOutForgetsTheToken() {
        User auditor = user("auditor");
        signIn(auditor);
        visible(By.id("search"));
        admin.patch("/api/users/" + auditor.id() + "/", "{\"active\": false}").expect(200);

        visible(By.linkText("Audit log")).click();
        assertThat(visible(By.id("signin-notice")).getText()).contains("Your token was refused");
        assertThat(storedToken()).isNull();
        chromium.screenshot("12-refused-token");

        User another = user("auditor");
        signIn(another);
        assertThat(storedToken()).isEqualTo(another.token());
        visible(By.id("sign-out")).click();
        assertThat(visible(By.id("signin-notice")).getText()).contains("signed out");
        assertThat(storedToken()).isNull();
        assertThat(visible(By.id("token")).getAttribute("value")).isEmpty();
    }

    private void signIn(User user) {
        WebElement token = visible(By.id("token"));
        token.sendKeys(user.token());
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who-name"), "Test " + user.role()));
    }

    private Object storedToken() {
        return ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('crm.console.token')");
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "occurredAt", "entityType", "entityId", "version",
                    "type", "actorId", "actorName", "requestId", "changes");
            return parser.getRecords();
        }
    }

    /** A new user with its token, as the console's sign-in needs it. */
    private User user(String role) {
        JsonNode created = admin.post("/api/users/", """
                {"firstName": "Test", "lastName": "%s", "email": "%s@example.com", "role": "%s"}"""
                .formatted(role, Api.unique("console"), role)).expect(201).json();
        String token = created.get("token").stringValue();
        return new User(created.at("/user/id").stringValue(), role, token, api.as(token));
    }

    private record User(String id, String role, String token, Api api) {
    }
}
