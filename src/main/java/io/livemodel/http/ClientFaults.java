package io.livemodel.http;

import io.livemodel.log.RateLimitedLog;
import io.livemodel.model.ApiError;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.VertxException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recognizes failures that a client's malformed request caused inside Vert.x or Netty (before any
 * LiveModel code saw the request) and turns them into the 4xx the client can act on: a form or
 * multipart body Netty cannot decode is a 400 (413 with too many or too long fields), an HTTP/1.1
 * request without {@code Host} a 400; a request Netty cannot parse at all ({@link #undecodable}) a
 * 414, 431 or 400. They are logged at FINE, rate-limited ({@link RateLimitedLog}): they are the
 * client's fault, not the server's.
 */
final class ClientFaults {

  private static final Logger LOG = Logger.getLogger(ClientFaults.class.getName());
  private static final RateLimitedLog FAULTS = new RateLimitedLog(LOG, 10_000);
  private static final String NETTY_MULTIPART = "io.netty.handler.codec.http.multipart.";
  private static final int FRAMES_EXAMINED = 6;

  private ClientFaults() {
  }

  /** The 4xx for {@code failure} if a malformed request caused it, else null. */
  static ApiError classify(Throwable failure) {
    if (failure instanceof VertxException && String.valueOf(failure.getMessage()).contains("'Host' header")) {
      return ApiError.badRequest("An HTTP/1.1 request must have a Host header");
    }
    String type = failure.getClass().getName();
    if (type.startsWith(NETTY_MULTIPART) && (type.contains("TooMany") || type.contains("TooLong"))) {
      return new ApiError(413, "PayloadTooLargeError", "request entity too large: too many or too long form fields",
          null, null);
    }
    if (type.startsWith(NETTY_MULTIPART) || thrownBy(failure, NETTY_MULTIPART)) {
      return ApiError.badRequest("The form or multipart body cannot be decoded");
    }
    return null;
  }

  /**
   * The 4xx for a request Netty's HTTP codec could not decode ({@code decoderResult().cause()}): a 414
   * for a request line longer than {@code maxLine} bytes, a 431 for a header block larger than
   * {@code maxHeaders}, a 400 for anything else (a malformed line or header). Vert.x's own answer to
   * these is the same status with no body; Node, LoopBack 3's server, answers 431 with no body to both
   * lengths.
   */
  static ApiError undecodable(Throwable cause, int maxLine, int maxHeaders) {
    if (cause instanceof TooLongHttpLineException) {
      return new ApiError(414, "URITooLongError",
          "The request line is longer than " + maxLine + " bytes", null, null);
    }
    if (cause instanceof TooLongHttpHeaderException) {
      return new ApiError(431, "RequestHeaderFieldsTooLargeError",
          "The request's header fields take more than " + maxHeaders + " bytes", null, null);
    }
    return new ApiError(400, "BadRequestError", "The request cannot be parsed as HTTP", null, null);
  }

  /** Logs a client-caused fault at FINE, at most once per 10 s per kind. */
  static void log(String method, String path, ApiError error, Throwable failure) {
    FAULTS.log(Level.FINE, failure.getClass().getName(), () -> method + " " + path + ": " + error.statusCode() + " "
        + error.getMessage() + " (" + failure.getClass().getSimpleName() + ")");
  }

  /** Whether one of the innermost frames of the failure is in the package (e.g. an NPE inside Netty's decoder). */
  private static boolean thrownBy(Throwable failure, String packagePrefix) {
    StackTraceElement[] frames = failure.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES_EXAMINED, frames.length); i++) {
      if (frames[i].getClassName().startsWith(packagePrefix)) {
        return true;
      }
    }
    return false;
  }
}
