package io.livemodel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livemodel.config.StreamLimits;
import io.livemodel.model.ApiError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Admission of change streams: per client, per node, and the node's queued-bytes budget")
class StreamAdmissionTest {

  @Test
  @DisplayName("a client past its streams gets 429 with Retry-After; another client is not affected; a released place is free again")
  void perClient() {
    StreamAdmission admission = new StreamAdmission(new StreamLimits(2, 0, 0, 1 << 20, 7), 0);
    StreamAdmission.Ticket a = admission.admit("10.0.0.1", false);
    admission.admit("10.0.0.1", false);
    assertThatThrownBy(() -> admission.admit("10.0.0.1", false)).isInstanceOfSatisfying(ApiError.class, e -> {
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.retryAfterSeconds()).isEqualTo(7);
      assertThat(e.code()).isEqualTo("TOO_MANY_STREAMS");
    });
    admission.admit("10.0.0.2", false);
    a.release();
    a.release(); // idempotent: frees one place only
    admission.admit("10.0.0.1", false);
    assertThatThrownBy(() -> admission.admit("10.0.0.1", false)).isInstanceOf(ApiError.class);
    assertThat(admission.openStreams()).isEqualTo(3);
  }

  @Test
  @DisplayName("the node holds at most its file descriptors less the reserve (or maxStreams): then 503")
  void perNode() {
    StreamAdmission admission = new StreamAdmission(new StreamLimits(0, 0, 90, 1 << 20, 5), 100);
    assertThat(admission.maxStreams()).isEqualTo(10);
    List<StreamAdmission.Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tickets.add(admission.admit("10.0.0." + i, false));
    }
    assertThatThrownBy(() -> admission.admit("10.0.1.1", false))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    tickets.get(0).release();
    admission.admit("10.0.1.1", false);
    assertThat(new StreamAdmission(new StreamLimits(0, 3, 90, 1 << 20, 5), 100).maxStreams()).isEqualTo(3);
  }

  @Test
  @DisplayName("while the bytes queued for slow clients are spent, resumes get 503 and live streams still open")
  void queuedBudget() {
    StreamAdmission admission = new StreamAdmission(new StreamLimits(0, 0, 0, 1000, 5), 0);
    StreamAdmission.Ticket slow = admission.admit("10.0.0.1", false);
    slow.queued(1200);
    assertThatThrownBy(() -> admission.admit("10.0.0.2", true))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("STREAMS_BUSY"));
    admission.admit("10.0.0.3", false);
    slow.release();
    assertThat(admission.queuedBytes()).isZero();
    admission.admit("10.0.0.2", true);
  }
}
