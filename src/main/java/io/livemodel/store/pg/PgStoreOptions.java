package io.livemodel.store.pg;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link PgStore}.
 *
 * @param url {@code postgresql://user[:password]@host:port/database}
 * @param poolSize the maximum number of connections of this node's pool
 * @param statementTimeout the limit applied to every statement (PostgreSQL's {@code statement_timeout});
 *     a statement over it fails with 503 {@code STORE_TIMEOUT}. Waiting for another writer of the same
 *     model counts towards it.
 * @param schema the schema holding the tables, created if missing; null means {@code public}
 * @param maxConnectionsPerClient reads of one client ({@link io.livemodel.limits.ClientKey}) that may hold or
 *     wait for a pooled connection at once; more wait in the client's own queue, then fail with 429
 *     ({@link PgStore}); 0: no limit
 */
public record PgStoreOptions(String url, int poolSize, Duration statementTimeout, String schema,
                             int maxConnectionsPerClient) {

  public static final int DEFAULT_POOL_SIZE = 8;
  public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
  /** How long opening a TCP connection to PostgreSQL may take before a request fails with 503. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  /** How long a request may wait for a free pooled connection before it fails with 503. */
  public static final Duration POOL_WAIT_TIMEOUT = Duration.ofSeconds(5);
  /** Requests waiting for a pooled connection beyond this many fail at once with 503. */
  public static final int MAX_WAIT_QUEUE = 1000;
  /**
   * Reads one client may have waiting for its share of the pool; more: 429. As large as the pool's own
   * queue: a client's requests in progress are bounded before (http.maxRequestsInFlightPerClient).
   */
  public static final int MAX_QUEUED_PER_CLIENT = MAX_WAIT_QUEUE;

  /** Options where a client may hold half the pool (at least one connection). */
  public PgStoreOptions(String url, int poolSize, Duration statementTimeout, String schema) {
    this(url, poolSize, statementTimeout, schema, Math.max(1, poolSize / 2));
  }

  public PgStoreOptions {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
    }
    if (maxConnectionsPerClient < 0) {
      throw new IllegalArgumentException("maxConnectionsPerClient must be >= 0, got " + maxConnectionsPerClient);
    }
    if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive, got " + statementTimeout);
    }
    if (schema != null && (schema.isEmpty() || schema.length() > 63 || schema.indexOf('\0') >= 0)) {
      throw new IllegalArgumentException("schema must be 1 to 63 characters, got \"" + schema + "\"");
    }
  }

  /** Options with the default pool size and statement timeout. */
  public static PgStoreOptions of(String url, String schema) {
    return new PgStoreOptions(url, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT, schema);
  }

  /** The schema actually used. */
  public String schemaName() {
    return schema == null ? "public" : schema;
  }
}
