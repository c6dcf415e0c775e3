package dev.newsflow.monitor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.kafkalocal.KafkaCluster;
import dev.newsflow.kafkalocal.junit.KafkaBroker;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The live page in a real headless Chromium: an article produced to the topic appears, tagged and escaped. */
@KafkaBroker
class LivePageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    @Test
    void showsAProducedArticleWithItsTopicsWithinSecondsAndRendersItsFieldsAsText(KafkaCluster kafka)
            throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are needed (./newsflow test installs them)");
        MonitorFixture fixture = new MonitorFixture(kafka);
        try (MonitorService monitor = new MonitorService(fixture.config, Clock.systemUTC())) {
            monitor.start();
            WebDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + monitor.port() + "/");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> browser.findElement(By.id("connection")).getText().equals("live"));

                String title = "Shanghai accueillera l’organisation mondiale de l’IA <img src=x onerror=alert(1)>";
                fixture.publish(MonitorFixture.article("https://news.example/ai-body", title,
                        List.of("ai-governance", "apec"), List.of("Shanghai")));
                fixture.publish(MonitorFixture.article("https://news.example/solar", "Solar prices fall again",
                        List.of("green-tech"), List.of("Germany")));

                await().atMost(Duration.ofSeconds(20)).until(() -> items(browser).size() == 2);
                WebElement item = itemTitled(browser, title);
                List<String> chips = item.findElements(By.cssSelector(".chip")).stream().map(WebElement::getText).toList();
                assertTrue(chips.containsAll(List.of("AI governance", "APEC", "Shanghai")), chips.toString());
                assertTrue(browser.findElements(By.cssSelector("#articles img")).isEmpty(),
                        "a title's markup must be shown as text, not run");

                choose(browser, "apec");
                await().atMost(Duration.ofSeconds(5)).until(() -> items(browser).size() == 1);
                assertEquals(title, items(browser).get(0).findElement(By.cssSelector("a")).getText());

                choose(browser, "");
                browser.findElement(By.id("entity-filter")).sendKeys("germ");
                await().atMost(Duration.ofSeconds(5)).until(() -> items(browser).size() == 1
                        && items(browser).get(0).getText().contains("Solar prices fall again"));

                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, Path.of("target", "live-page.png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
    }

    private static void choose(WebDriver browser, String topic) {
        browser.findElement(By.cssSelector("#topic-filter option[value='" + topic + "']")).click();
    }

    private static List<WebElement> items(WebDriver browser) {
        return browser.findElements(By.cssSelector("#articles li"));
    }

    private static WebElement itemTitled(WebDriver browser, String title) {
        return items(browser).stream()
                .filter(li -> li.findElement(By.cssSelector("a")).getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no article titled " + title));
    }

    private WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
