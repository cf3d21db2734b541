package io.livemodel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The generator's payload")
class PayloadTest {

  @Test
  @DisplayName("the payload fields are found inside a change's data")
  void payloadFields() {
    byte[] data = "{\"target\":3,\"data\":{\"bseq\":12,\"bts\":987654,\"id\":3},\"type\":\"create\"}"
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(Payload.field(data, data.length, Payload.SEQ)).isEqualTo(12);
    assertThat(Payload.field(data, data.length, Payload.TS)).isEqualTo(987654);
    assertThat(Payload.field(data, 20, Payload.SEQ)).isEqualTo(-1);
  }
}
