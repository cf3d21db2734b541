package io.livemodel.config;

import java.nio.file.Path;

/**
 * Where data is kept.
 *
 * @param type {@code memory} (embedded store, the default) or {@code postgres}
 * @param dataDir the embedded store's journal folder, or null to keep data in memory only
 * @param postgresUrl {@code postgresql://user[:password]@host:port/db}
 * @param poolSize PostgreSQL connections per node
 * @param statementTimeoutMs the longest a PostgreSQL statement may run
 * @param postgresSchema the PostgreSQL schema holding LiveModel's tables; null means {@code public}
 * @param maxConnectionsPerClient pooled PostgreSQL connections one client address may hold at once
 *     (its further reads queue, then 429); 0: no limit
 */
public record StoreConfig(String type, Path dataDir, String postgresUrl, int poolSize, int statementTimeoutMs,
                          String postgresSchema, int maxConnectionsPerClient) {

  /** Settings in the {@code public} schema. */
  public StoreConfig(String type, Path dataDir, String postgresUrl, int poolSize, int statementTimeoutMs) {
    this(type, dataDir, postgresUrl, poolSize, statementTimeoutMs, null);
  }

  /** Settings with the default share of the pool per client ({@link #defaultConnectionsPerClient}). */
  public StoreConfig(String type, Path dataDir, String postgresUrl, int poolSize, int statementTimeoutMs,
                     String postgresSchema) {
    this(type, dataDir, postgresUrl, poolSize, statementTimeoutMs, postgresSchema, defaultConnectionsPerClient(poolSize));
  }

  /** Half the pool, at least one connection. */
  public static int defaultConnectionsPerClient(int poolSize) {
    return Math.max(1, poolSize / 2);
  }

  public static final String MEMORY = "memory";
  public static final String POSTGRES = "postgres";
  /** The embedded store's journal folder, relative to the config file's folder. */
  public static final String DEFAULT_DATA_DIR = "data";

  /** The embedded store, journal in {@link #DEFAULT_DATA_DIR}; PostgreSQL settings for when it is chosen. */
  public static StoreConfig defaults() {
    return new StoreConfig(MEMORY, Path.of(DEFAULT_DATA_DIR), "postgresql://postgres@127.0.0.1:5432/test", 8, 5000, null);
  }
}
