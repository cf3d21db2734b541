package io.livemodel.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.livemodel.model.ApiError;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Store failures become 503s that name the cause, never a Java class")
class PgErrorsTest {

  private static JsonObject body(Throwable failure) {
    Throwable mapped = PgErrors.map(failure);
    assertThat(mapped).isInstanceOf(ApiError.class);
    return ((ApiError) mapped).toJson().getJsonObject("error");
  }

  @Test
  @DisplayName("the pool's wait timeout and a full wait queue are 503 STORE_BUSY")
  void poolBusy() {
    for (Throwable busy : new Throwable[] {new NoStackTraceThrowable("Timeout"),
        new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 1000")}) {
      JsonObject error = body(busy);
      assertThat(error.getInteger("statusCode")).isEqualTo(503);
      assertThat(error.getString("code")).isEqualTo("STORE_BUSY");
      assertThat(error.encode()).doesNotContain("Throwable", "Exception");
    }
  }

  @Test
  @DisplayName("a lost connection is 503 STORE_UNAVAILABLE without the exception's class name")
  void unavailable() {
    JsonObject error = body(new IOException("Connection reset"));
    assertThat(error.getString("code")).isEqualTo("STORE_UNAVAILABLE");
    assertThat(error.getString("message")).isEqualTo("The database is unavailable");
  }
}
