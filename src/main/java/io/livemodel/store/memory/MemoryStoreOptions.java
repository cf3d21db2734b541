package io.livemodel.store.memory;

import java.nio.file.Path;

/**
 * Settings of the embedded store.
 *
 * @param journalDirectory where the journal file lives (created if missing); null keeps everything in
 *     memory only, and nothing survives {@link MemoryStore#close()}
 * @param fsync whether every group-committed batch is forced to the device before the writes of the
 *     batch complete. Off by default: a commit completes once its record is written to the OS, which
 *     survives a crash of the process but not of the machine
 * @param compactionThreshold the journal size in bytes above which it is compacted, provided it is
 *     also at least twice the size of the live data (default {@link #DEFAULT_COMPACTION_THRESHOLD})
 * @param maxBatchRecords the most transaction records written by one group commit (default
 *     {@link #DEFAULT_MAX_BATCH_RECORDS})
 */
public record MemoryStoreOptions(Path journalDirectory, boolean fsync, long compactionThreshold,
                                 int maxBatchRecords) {

  /** 64 MiB: small enough to replay in about a second, large enough to compact rarely. */
  public static final long DEFAULT_COMPACTION_THRESHOLD = 64L * 1024 * 1024;

  /** Bounds the memory of one gathering write; larger backlogs are written in several batches. */
  public static final int DEFAULT_MAX_BATCH_RECORDS = 1024;

  public MemoryStoreOptions {
    if (compactionThreshold <= 0) {
      throw new IllegalArgumentException("compactionThreshold must be positive: " + compactionThreshold);
    }
    if (maxBatchRecords <= 0) {
      throw new IllegalArgumentException("maxBatchRecords must be positive: " + maxBatchRecords);
    }
  }

  /** No persistence. */
  public static MemoryStoreOptions inMemory() {
    return new MemoryStoreOptions(null, false, DEFAULT_COMPACTION_THRESHOLD, DEFAULT_MAX_BATCH_RECORDS);
  }

  /** A journal in {@code directory}, without fsync, with the default thresholds. */
  public static MemoryStoreOptions journaled(Path directory) {
    return new MemoryStoreOptions(directory, false, DEFAULT_COMPACTION_THRESHOLD, DEFAULT_MAX_BATCH_RECORDS);
  }

  public MemoryStoreOptions withFsync(boolean enabled) {
    return new MemoryStoreOptions(journalDirectory, enabled, compactionThreshold, maxBatchRecords);
  }

  public MemoryStoreOptions withCompactionThreshold(long bytes) {
    return new MemoryStoreOptions(journalDirectory, fsync, bytes, maxBatchRecords);
  }
}
