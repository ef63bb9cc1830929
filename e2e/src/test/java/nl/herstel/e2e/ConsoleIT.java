package nl.herstel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.herstel.devstack.Devstack;
import nl.herstel.devstack.testing.ServiceClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless Chromium, driven by Selenium) through the
 * e2e gateway: sign in on the token service's login page, register an asset and a process (a
 * refused one first: the problem lands next to its field), see the incident a SOC alert opened on
 * the board with ticking clocks and a breached RTO, record a BOB decision and a restoration, close
 * it, find it in the lessons, switch to Dutch, sign out. axe-core checks every page for WCAG 2.1 A
 * and AA violations; screenshots go to {@code target/screenshots/}.
 */
class ConsoleIT {
  private static final Duration EVENTUALLY = Duration.ofSeconds(60);
  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
  private static final String AXE_VERSION = "4.14.1";
  private static final Path SCREENSHOTS = Paths.get("target/screenshots");

  private static WebDriver browser;
  private static Path profile;
  private static String axe;

  private final Devstack stack = Stack.get();
  private final ServiceClient api = new ServiceClient(stack.gatewayUrl(), stack::token);

  @BeforeAll
  static void browser() throws Exception {
    installChromium();
    axe = Files.readString(axeCore());
    profile = Files.createTempDirectory("herstel-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1366,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void close() throws IOException {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Debian's Chromium and chromedriver, installed once (CI runs as root with Debian reachable). */
  static void installChromium() throws Exception {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    long start = System.nanoTime();
    run(List.of("apt-get", "update", "-qq"));
    run(
        List.of(
            "apt-get",
            "install",
            "-y",
            "-qq",
            "--no-install-recommends",
            "chromium",
            "chromium-driver"));
    System.out.printf(
        "ConsoleIT: installed chromium and chromium-driver in %.1f s%n",
        (System.nanoTime() - start) / 1e9);
  }

  /** axe-core from the npm registry (pinned), unpacked under target/ once. */
  static Path axeCore() throws Exception {
    Path dir = Paths.get("target/axe-core-" + AXE_VERSION);
    Path script = dir.resolve("package/axe.min.js");
    if (Files.isRegularFile(script)) {
      return script;
    }
    long start = System.nanoTime();
    Files.createDirectories(dir);
    run(
        List.of(
            "npm",
            "pack",
            "axe-core@" + AXE_VERSION,
            "--silent",
            "--pack-destination",
            dir.toString()));
    run(
        List.of(
            "tar",
            "-xzf",
            dir.resolve("axe-core-" + AXE_VERSION + ".tgz").toString(),
            "-C",
            dir.toString()));
    System.out.printf(
        "ConsoleIT: fetched axe-core %s in %.1f s%n",
        AXE_VERSION, (System.nanoTime() - start) / 1e9);
    return script;
  }

  private static void run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  /** The walk, with a screenshot of where it stood when it failed. */
  @Test
  void walksTheThinSliceThroughTheConsole() throws Exception {
    try {
      walk();
    } catch (Throwable failure) {
      screenshot("failure");
      throw failure;
    }
  }

  private void walk() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String assetName = "db-console-" + suffix;
    String processName = "Invoicing " + suffix;

    // Signed out: the welcome page, then the token service's login page.
    browser.get(stack.gatewayUrl() + "/");
    WebElement signIn = waitFor(By.id("sign-in"));
    accessible("welcome");
    signIn.click();
    waitFor(By.id("username")).sendKeys("ann");
    assertThat(browser.getCurrentUrl()).startsWith(stack.tokenUrl() + "/authorize?");
    accessible("login");
    for (String role : List.of("bcm-manager", "incident-commander", "management")) {
      browser.findElement(By.id("role-" + role)).click();
    }
    browser.findElement(By.id("sign-in")).click();
    assertThat(waitFor(By.id("who")).getText()).contains("Signed in as ann");
    assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");

    // The BIA: an asset, then a process whose RTO exceeds its MTPD (refused, named), then right.
    browser.get(stack.gatewayUrl() + "/#/bia");
    WebElement assetForm = waitFor(By.cssSelector("form[aria-label='Register an asset']"));
    assetForm.findElement(By.name("name")).sendKeys(assetName);
    new Select(assetForm.findElement(By.name("kind"))).selectByValue("DATA");
    assetForm.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.id("dependency-graph"), assetName);
    WebElement processForm =
        browser.findElement(By.cssSelector("form[aria-label='Register a process']"));
    processForm.findElement(By.name("name")).sendKeys(processName);
    processForm.findElement(By.name("critical")).click();
    processForm.findElement(By.name("mtpd")).sendKeys("8h");
    processForm.findElement(By.name("rto")).sendKeys("24h");
    processForm.findElement(By.name("supportedBy")).sendKeys(assetName);
    processForm.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement rto = processForm.findElement(By.name("rto"));
    await("the refusal is shown at the RTO field")
        .atMost(EVENTUALLY)
        .until(() -> "true".equals(rto.getAttribute("aria-invalid")));
    String rtoError =
        Arrays.stream(rto.getAttribute("aria-describedby").split(" "))
            .filter(id -> id.endsWith("-error"))
            .findFirst()
            .orElseThrow();
    assertThat(browser.findElement(By.id(rtoError)).getText()).contains("MTPD");
    screenshot("bia-refused");
    rto.clear();
    rto.sendKeys("4h30m");
    processForm.findElement(By.name("mtpd")).clear();
    processForm.findElement(By.name("mtpd")).sendKeys("24h");
    processForm.findElement(By.name("rpo")).sendKeys("1h");
    processForm.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.id("main"), processName);
    assertThat(browser.findElement(By.id("main")).getText()).contains("4 h 30 min");
    accessible("bia");

    // A SOC tool reports an alert on the asset, detected 6 hours ago: the RTO (4 h 30 min) is
    // breached, the MTPD (24 h) runs.
    String processId = idOf("/api/bia/processes", processName);
    await("plan-service lists the process")
        .atMost(EVENTUALLY)
        .until(() -> api.getJson("/api/plans/coverage/" + processId, "plan-owner"), c -> c != null);
    Instant detectedAt = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    JsonNode incident = reportAlert(assetName, detectedAt);
    String incidentId = incident.get("id").asText();
    String title = incident.get("title").asText();

    browser.get(stack.gatewayUrl() + "/#/");
    By card = By.cssSelector("li.incident[data-incident-id='" + incidentId + "']");
    By mtpdClock =
        By.cssSelector(
            "li.incident[data-incident-id='" + incidentId + "'] td:nth-of-type(2) .clock");
    WebElement shown = waitFor(card);
    assertThat(shown.getText()).contains(title, processName);
    assertThat(shown.getAttribute("class")).contains("has-breach");
    List<WebElement> clocks = shown.findElements(By.cssSelector(".clock"));
    assertThat(clocks).hasSize(2);
    assertThat(clocks.get(0).getAttribute("class")).contains("breached");
    assertThat(clocks.get(1).getText()).contains("left");
    String before = clocks.get(1).getText();
    await("the MTPD clock ticks")
        .atMost(Duration.ofSeconds(5))
        .until(() -> !waitFor(mtpdClock).getText().equals(before));
    accessible("board");

    // The incident: a decision in the BOB form, a restoration, the closure.
    waitFor(card).findElement(By.linkText(title)).click();
    WebElement decision = waitFor(By.cssSelector("form[aria-label='Record a decision']"));
    waitForText(By.id("chain-status"), "intact");
    decision.findElement(By.name("known")).sendKeys("Ransomware encrypted " + assetName);
    decision.findElement(By.name("options")).sendKeys("Restore from the offline backup\nPay");
    decision.findElement(By.name("risks")).sendKeys("The backup is 1 hour old");
    decision.findElement(By.name("what")).sendKeys("Restore from the offline backup");
    decision.findElement(By.name("rationale")).sendKeys("Fastest, and we never pay");
    decision.findElement(By.name("mandate")).sendKeys("Crisis plan: incident commander");
    decision.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.cssSelector("ol.decisions"), "Restore from the offline backup");
    accessible("incident");

    WebElement restoration = waitFor(By.cssSelector("form[aria-label='Record a restoration']"));
    restoration.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.id("main"), "RTO missed");
    WebElement closure = waitFor(By.cssSelector("form[aria-label='Close the incident']"));
    closure.findElement(By.name("summary")).sendKeys("Restored from the offline backup");
    closure.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.id("incident-status"), "closed");
    waitForText(By.id("timeline"), "closed");
    screenshot("incident-closed");

    // Lessons: the incident with its recovery time against the RTO.
    browser.get(stack.gatewayUrl() + "/#/lessons");
    await("lessons-service shows the incident")
        .atMost(EVENTUALLY)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              browser.navigate().refresh();
              return waitFor(By.id("recovery-information")).getText().contains(title);
            });
    accessible("lessons");

    // Dutch, every word from the dictionary; then sign out.
    browser.findElement(By.id("language")).click();
    waitForText(By.id("nav"), "Incidenten");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
    browser.get(stack.gatewayUrl() + "/#/incidents/" + incidentId);
    waitForText(By.id("incident-status"), "afgesloten");
    screenshot("incident-nl");
    browser.get(stack.gatewayUrl() + "/#/bia");
    // the graph, or (the e2e BIA is large) the field to centre it on one asset
    waitFor(By.cssSelector("#dependency-graph, form.graph-chooser"));
    Object missing =
        ((JavascriptExecutor) browser).executeScript("return window.herstelMissingKeys");
    assertThat((List<?>) missing).as("words missing from a dictionary").isEmpty();
    browser.findElement(By.id("sign-out")).click();
    waitFor(By.id("sign-in"));
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return sessionStorage.getItem('herstel.token')"))
        .isNull();
  }

  @Test
  void theConsoleIsServedUnderAStrictPolicyAndItsSignInIsConfigured() throws Exception {
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    java.net.http.HttpResponse<String> page =
        http.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.gatewayUrl() + "/"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("/console/app.js").doesNotContain("<script>", "style=");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains(
            "script-src 'self'", "frame-ancestors 'none'", "connect-src 'self' " + stack.tokenUrl())
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    java.net.http.HttpResponse<String> script =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(stack.gatewayUrl() + "/console/app.js"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    assertThat(script.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    JsonNode config = api.ok(api.get("/api/console/config", null));
    assertThat(config.get("authorizationEndpoint").asText())
        .isEqualTo(stack.tokenUrl() + "/authorize");
    assertThat(config.get("tokenEndpoint").asText()).isEqualTo(stack.tokenUrl() + "/token");
    assertThat(config.get("clientId").asText()).isEqualTo("herstel-console");
  }

  /** Runs axe-core on the page as it is: no WCAG 2.1 A or AA violation; and a screenshot. */
  private void accessible(String page) throws IOException {
    waitForLoaded();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    Object violations =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    screenshot(page);
    assertThat((List<?>) violations).as("WCAG 2.1 A/AA violations on " + page).isEmpty();
  }

  private void waitForLoaded() {
    patiently()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && !document.body.innerText.includes('Loading…')"
                                + " && !document.body.innerText.includes('Laden…')")));
  }

  private int shots;

  private void screenshot(String name) throws IOException {
    shots++;
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(shots, name)), png);
  }

  /** Waits up to a minute; a page section re-rendered while it was read is read again. */
  private static WebDriverWait patiently() {
    WebDriverWait wait = new WebDriverWait(browser, EVENTUALLY);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private WebElement waitFor(By by) {
    return patiently()
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  private void waitForText(By by, String text) {
    patiently().until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)));
  }

  private String idOf(String listPath, String name) {
    for (JsonNode item : api.items(listPath, "bcm-manager")) {
      if (name.equals(item.path("name").asText())) {
        return item.get("id").asText();
      }
    }
    throw new AssertionError(name + " is not in " + listPath);
  }

  private JsonNode reportAlert(String assetName, Instant detectedAt) {
    for (int attempt = 0; attempt < 30; attempt++) {
      JsonNode accepted =
          api.ok(
              api.post(
                  "/api/incidents/intake",
                  "soc-intake",
                  ("{\"source\":\"e2e-siem\",\"sourceId\":\"%s\",\"title\":\"Ransomware"
                          + " on %s\",\"severity\":\"CRITICAL\",\"assets\":[\"%s\"],"
                          + "\"detectedAt\":\"%s\"}")
                      .formatted(UUID.randomUUID(), assetName, assetName, detectedAt)));
      String path = "/api/incidents/" + accepted.get("incidentId").asText();
      JsonNode incident =
          await("the incident is listed")
              .atMost(EVENTUALLY)
              .until(() -> api.getJson(path, "incident-commander"), i -> i != null);
      if (incident.get("affectedProcesses").size() == 1) {
        return incident;
      }
      await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    }
    throw new AssertionError("incident-service never resolved asset " + assetName);
  }
}
