package io.livemodel.ops;

import io.livemodel.config.OpsConfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.testing.Api;
import io.livemodel.testing.Chromium;
import io.livemodel.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The explorer and the console in headless Chromium against a real server. Screenshots go to
 * {@code target/screenshots/} (linked from the README). Every in-page wait rejects after
 * {@link #PAGE_WAIT_MS}, below the driver's own bound.
 */
@DisplayName("The explorer and the console in a browser")
class OpsBrowserTest {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final int PAGE_WAIT_MS = 15_000;

  private static Chromium browser;
  private static TestServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.builder().vertx(Metrics.vertx(new VertxOptions(), OpsConfig.defaults())).build();
    api = new Api(server);
    browser = Chromium.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    api.close();
    server.close();
  }

  /** Waits in the page until {@code condition} (a JS expression) is truthy, and returns its value. */
  private static Object waitFor(String condition) {
    return browser.evaluate("""
        new Promise(function(resolve, reject) {
          var started = Date.now();
          (function poll() {
            var value; try { value = (%s); } catch (e) { value = null; }
            if (value) { resolve(typeof value === 'object' ? true : value); return; }
            if (Date.now() - started > %d) { reject(new Error('timed out waiting for: ' + %s)); return; }
            setTimeout(poll, 50);
          })();
        })""".formatted(condition, PAGE_WAIT_MS, new io.vertx.core.json.JsonArray().add(condition).encode() + "[0]"));
  }

  /** Clicks the element {@code selector} inside the GET /MyModels operation once it is there. */
  private static void clickIn(String selector) {
    waitFor("window.findBlock() && window.findBlock().querySelector('" + selector + "')");
    browser.evaluate("window.findBlock().querySelector('" + selector + "').click()");
  }

  private static void screenshot(String name) {
    JsonObject shot = browser.call("Page.captureScreenshot", new JsonObject().put("format", "png"));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode(shot.getString("data")));
    } catch (IOException e) {
      throw new AssertionError("cannot save the screenshot " + name, e);
    }
  }

  @Test
  @DisplayName("/explorer/ renders the MyModels operations, and Try it out on GET /MyModels returns the data")
  void explorer() {
    assertThat(api.post("/api/MyModels", new JsonObject().put("marker", "explorer-row")).status()).isEqualTo(200);
    browser.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 1280).put("height", 900)
        .put("deviceScaleFactor", 1).put("mobile", false));
    browser.navigate(server.base() + "/explorer/");
    Object operations = waitFor("document.querySelectorAll('.opblock-tag-section .opblock').length >= 15 "
        + "&& document.querySelectorAll('.opblock').length");
    assertThat(((Number) operations).intValue()).isGreaterThanOrEqualTo(15);
    assertThat(browser.evaluate("document.body.innerText")).asString()
        .contains("/MyModels/count").contains("/MyModels/change-stream").contains("accessToken");

    browser.evaluate("""
        window.findBlock = function() {
          return Array.prototype.filter.call(document.querySelectorAll('.opblock.opblock-get'), function(block) {
            var path = block.querySelector('.opblock-summary-path');
            return path && path.getAttribute('data-path') === '/MyModels';
          })[0];
        }""");
    clickIn(".opblock-summary-control");
    clickIn(".try-out__btn");
    clickIn(".execute");
    Object body = waitFor("(window.findBlock().querySelector('.live-responses-table .response-col_description pre') || {}).innerText");
    assertThat(body).asString().contains("explorer-row");
    assertThat(browser.evaluate("window.findBlock().querySelector('.live-responses-table tbody .response-col_status').innerText"))
        .asString().contains("200");
    browser.evaluate("window.findBlock().querySelector('.live-responses-table').scrollIntoView()");
    screenshot("explorer.png");
  }

  @Test
  @DisplayName("/console shows a change made by a REST call, live, on a phone-sized screen too")
  void console() {
    browser.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 390).put("height", 844)
        .put("deviceScaleFactor", 2).put("mobile", true));
    browser.navigate(server.base() + "/console/?model=MyModels");
    waitFor("document.getElementById('stream-state').textContent === 'live'");
    assertThat(browser.evaluate("document.getElementById('model-title').textContent")).isEqualTo("MyModel");

    assertThat(api.post("/api/MyModels", new JsonObject().put("marker", "console-live")).status()).isEqualTo(200);
    waitFor("document.getElementById('tail').textContent.indexOf('console-live') >= 0");
    waitFor("document.getElementById('records').textContent.indexOf('console-live') >= 0");
    waitFor("document.getElementById('stream-counts').textContent.indexOf('sse 1') >= 0");
    assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
        .isEqualTo(true);
    screenshot("console-phone.png");

    browser.call("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 1280).put("height", 900)
        .put("deviceScaleFactor", 1).put("mobile", false));
    screenshot("console.png");
  }
}
