package io.livemodel.config;

/**
 * How much change history the store keeps per model for resuming clients: at most
 * {@code maxChanges}, none older than {@code maxAgeSeconds} (0: no age limit).
 */
public record Retention(int maxChanges, long maxAgeSeconds) {
  public static final Retention DEFAULT = new Retention(10_000, 24 * 3600);
}
