package io.livemodel.bench;

import java.util.List;

/**
 * One stream-mode run.
 *
 * @param targets base URLs ({@code http://127.0.0.1:3000}); subscribers and writes are spread over them
 * @param plural the model's REST path segment
 * @param subscribers N SSE streams held open
 * @param rate writes per second
 * @param seconds measured writing time
 * @param warmupSeconds writes at the same rate before measuring (JIT warm-up); not in the figures
 * @param drainSeconds how long to wait after the last write for outstanding deliveries
 * @param serverPids processes whose CPU and RSS are read from /proc (may be empty)
 * @param connectConcurrency streams being opened at once
 * @param maxInFlight unanswered POSTs allowed at once
 * @param label a name for the scenario in the output
 * @param protocol how to subscribe, write and read ids on these targets (the peer adapter)
 * @param accessToken a LoopBack access token sent as {@code access_token} with every stream request and
 *     write (a stream protected by an ACL); null for none
 */
public record StreamOptions(List<String> targets, String plural, int subscribers, double rate, double seconds,
                            double warmupSeconds, double drainSeconds, List<String> serverPids,
                            int connectConcurrency, int maxInFlight, String label, Protocol protocol,
                            String accessToken) {

  /** A run against LoopBack-compatible targets. */
  public StreamOptions(List<String> targets, String plural, int subscribers, double rate, double seconds,
                       double warmupSeconds, double drainSeconds, List<String> serverPids,
                       int connectConcurrency, int maxInFlight, String label) {
    this(targets, plural, subscribers, rate, seconds, warmupSeconds, drainSeconds, serverPids, connectConcurrency,
        maxInFlight, label, Protocol.LOOPBACK, null);
  }

  public static StreamOptions of(List<String> targets, int subscribers, double rate, double seconds) {
    return new StreamOptions(targets, "MyModels", subscribers, rate, seconds, 2, 10, List.of(), 256, 64, "stream");
  }

  public StreamOptions withWarmup(double warmup) {
    return new StreamOptions(targets, plural, subscribers, rate, seconds, warmup, drainSeconds, serverPids,
        connectConcurrency, maxInFlight, label, protocol, accessToken);
  }

  public StreamOptions withServerPids(List<String> pids) {
    return new StreamOptions(targets, plural, subscribers, rate, seconds, warmupSeconds, drainSeconds, pids,
        connectConcurrency, maxInFlight, label, protocol, accessToken);
  }

  public StreamOptions withProtocol(Protocol other) {
    return new StreamOptions(targets, plural, subscribers, rate, seconds, warmupSeconds, drainSeconds, serverPids,
        connectConcurrency, maxInFlight, label, other, accessToken);
  }

  public StreamOptions withAccessToken(String token) {
    return new StreamOptions(targets, plural, subscribers, rate, seconds, warmupSeconds, drainSeconds, serverPids,
        connectConcurrency, maxInFlight, label, protocol, token);
  }

  /** The path a subscriber GETs, with the access token if there is one. */
  String streamPath() {
    return withToken(protocol.streamPath(plural));
  }

  /** The path the writer POSTs to, with the access token if there is one. */
  String writePath() {
    return withToken(protocol.writePath(plural));
  }

  private String withToken(String path) {
    if (accessToken == null || accessToken.isEmpty()) {
      return path;
    }
    return path + (path.indexOf('?') < 0 ? '?' : '&') + "access_token="
        + java.net.URLEncoder.encode(accessToken, java.nio.charset.StandardCharsets.UTF_8);
  }

  long warmupWrites() {
    return Math.round(rate * warmupSeconds);
  }

  long measuredWrites() {
    return Math.max(1, Math.round(rate * seconds));
  }
}
