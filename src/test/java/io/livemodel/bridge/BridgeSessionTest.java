package io.livemodel.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.config.BridgeConfig;
import io.livemodel.model.ModelLoader;
import io.livemodel.model.ModelRegistry;
import io.livemodel.testing.TestServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Bridge policy and per-socket session (no server)")
class BridgeSessionTest {

  private static final ModelRegistry MODELS = new ModelRegistry(ModelLoader.loadFolder(TestServer.API_MODELS));

  private static BridgeSession session(boolean inboundCrud, int maxHandlers) {
    return new BridgeSession(new BridgePolicy(MODELS,
        new BridgeConfig("/eventbus", 0, "127.0.0.1", inboundCrud, maxHandlers, 30, 200)));
  }

  private static JsonObject frame(String type, String address) {
    return new JsonObject().put("type", type).put("address", address);
  }

  private static String code(Refusal refusal) {
    return refusal == null ? "ok" : refusal.code();
  }

  @ParameterizedTest(name = "{0} {1} -> {2} (inbound CRUD {3})")
  @CsvSource({
      "REGISTER,   changes.MyModel,  ok,                     false",
      "REGISTER,   changes.Note,     ok,                     false",
      "REGISTER,   changes.Nope,     access_denied,          false",
      "REGISTER,   changes.mymodel,  access_denied,          false",
      "REGISTER,   livemodel.crud,   access_denied,          false",
      "REGISTER,   crud.MyModel,     access_denied,          true",
      "SEND,       changes.MyModel,  access_denied,          false",
      "SEND,       crud.MyModel,     access_denied,          false",
      "SEND,       crud.MyModel,     reply_address_required, true",
      "SEND,       crud.Nope,        access_denied,          true",
      "PUBLISH,    changes.MyModel,  access_denied,          false",
      "PUBLISH,    crud.MyModel,     access_denied,          true",
      "REGISTER,   changes.ThisAddressIsLongerThan30, max_address_length_reached, false",
  })
  void permissions(BridgeEventType type, String address, String expected, boolean inboundCrud) {
    assertThat(code(session(inboundCrud, 10).check(type, frame(type.name().toLowerCase(), address))))
        .isEqualTo(expected);
  }

  @Test
  @DisplayName("a CRUD request with a reply address is allowed when inbound CRUD is on")
  void crudRequest() {
    JsonObject request = frame("send", "crud.MyModel").put("replyAddress", "r").put("body", new JsonObject());
    assertThat(session(true, 10).check(BridgeEventType.SEND, request)).isNull();
  }

  @Test
  @DisplayName("registrations count against the limit; unregistering frees a slot; an address registers once")
  void handlerCount() {
    BridgeSession session = session(false, 1);
    assertThat(code(session.check(BridgeEventType.REGISTER, frame("register", "changes.MyModel")))).isEqualTo("ok");
    assertThat(code(session.check(BridgeEventType.REGISTER, frame("register", "changes.MyModel"))))
        .isEqualTo("address_already_registered");
    assertThat(code(session.check(BridgeEventType.REGISTER, frame("register", "changes.Note"))))
        .isEqualTo("max_handlers_reached");
    assertThat(session.check(BridgeEventType.UNREGISTER, frame("unregister", "changes.MyModel"))).isNull();
    assertThat(session.handlerCount()).isZero();
    assertThat(code(session.check(BridgeEventType.REGISTER, frame("register", "changes.Note")))).isEqualTo("ok");
  }

  @Test
  @DisplayName("a frame above maxMessageBytes is refused whatever it asks; pings and outbound events are not checked")
  void messageSize() {
    JsonObject big = frame("register", "changes.MyModel").put("headers", new JsonObject().put("pad", "x".repeat(200)));
    BridgeSession session = session(false, 10);
    assertThat(code(session.check(BridgeEventType.REGISTER, big))).isEqualTo("max_message_size_exceeded");
    assertThat(session.handlerCount()).isZero();
    assertThat(session.check(BridgeEventType.SOCKET_PING, big)).isNull();
    assertThat(session.check(BridgeEventType.RECEIVE, big)).isNull();
  }

  @Test
  @DisplayName("the refusal frame carries the address, the code in body and failureType, and a message")
  void refusalFrame() {
    Refusal refusal = session(false, 10).check(BridgeEventType.REGISTER, frame("register", "changes.Nope"));
    assertThat(refusal.toFrame()).isEqualTo(new JsonObject()
        .put("type", "err").put("address", "changes.Nope").put("body", "access_denied")
        .put("failureType", "access_denied")
        .put("message", "cannot register changes.Nope: there is no model Nope (models: MyModel, Note)"));
  }
}
