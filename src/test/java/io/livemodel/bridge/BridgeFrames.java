package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The frames a test bridge client received, in order, and the bridge protocol's client frames.
 * Filled from the client's event loop, read from the test thread.
 */
public abstract class BridgeFrames implements AutoCloseable {

  static final long TIMEOUT_SECONDS = 5;

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

  /** Sends one client frame. */
  abstract void send(JsonObject frame);

  final void received(JsonObject frame) {
    received.add(frame);
  }

  /** The next frame; fails after {@link #TIMEOUT_SECONDS}. */
  public final JsonObject next() {
    try {
      JsonObject frame = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (frame == null) {
        fail("no bridge frame within " + TIMEOUT_SECONDS + " s");
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame if one arrives within {@code millis}, else null. */
  public final JsonObject pollWithin(long millis) {
    try {
      return received.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Discards frames until none arrives for {@code millis}. */
  public final void drainWithin(long millis) {
    while (pollWithin(millis) != null) {
      // discarded
    }
  }

  /** Fails if a frame arrives within {@code millis}. */
  public final void assertNothingWithin(long millis) {
    try {
      JsonObject frame = received.poll(millis, TimeUnit.MILLISECONDS);
      assertThat(frame).as("unexpected bridge frame").isNull();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public final void register(String address) {
    send(new JsonObject().put("type", "register").put("address", address));
  }

  public final void publish(String address, Object body) {
    send(new JsonObject().put("type", "publish").put("address", address).put("body", body));
  }

  /**
   * Waits until every frame sent before has been handled: the bridge handles a connection's frames
   * in order, so once this refused publish is answered, earlier registrations are in place.
   */
  public final void sync() {
    publish("test.sync", null);
    JsonObject answer = next();
    assertThat(answer.getString("type")).as("sync answer %s", answer).isEqualTo("err");
    assertThat(answer.getString("address")).as("sync answer %s", answer).isEqualTo("test.sync");
  }

  /** Registers and waits until the registration is in place. */
  public final void registerAndSync(String address) {
    register(address);
    sync();
  }
}
