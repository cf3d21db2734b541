package io.livemodel.store.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The append-only journal of the embedded store: one file, {@value #FILE_NAME}, of {@link JournalFrame}
 * lines, each one committed transaction ({@link TxRecord}).
 *
 * <p>Group commit: {@link #append} only queues the record; one dedicated writer thread takes everything
 * queued (up to {@link MemoryStoreOptions#maxBatchRecords()}), writes it with one gathering write (and
 * one fsync if enabled), then completes the futures of all those records, in order. Event loops never
 * wait for the disk.
 *
 * <p>Order: {@link #append} applies the transaction to memory and queues its record under one lock, so
 * the journal order is the order in which transactions became visible. After a write error the
 * journal is failed for good: memory may be ahead of the file, so every later append is refused.
 *
 * <p>Compaction: once the file exceeds {@link MemoryStoreOptions#compactionThreshold()} and is more than
 * twice the size of the live data, the writer thread, holding the append lock just long enough to
 * write what is queued and copy references to the live data, writes a snapshot (instances, id
 * counters, sequences and the changes the change history still retains) to a new file, forces it and
 * renames it over the journal atomically. Appends made meanwhile follow the snapshot in the new file.
 */
final class Journal {

  static final String FILE_NAME = "journal.log";
  private static final String COMPACT_SUFFIX = ".compact";
  private static final int SNAPSHOT_CHUNK = 1000;
  private static final Logger LOG = Logger.getLogger(Journal.class.getName());
  private static final Pending CLOSE = new Pending(null, null);

  private final Path directory;
  private final Path file;
  private final MemoryStoreOptions options;
  private final Supplier<List<ModelState.Snapshot>> snapshots;
  private final ReentrantLock appendLock = new ReentrantLock();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private boolean closing;
  private volatile IOException failure;
  /** Writer thread only, after construction. */
  private FileChannel channel;
  private volatile long size;
  private long nextCompactionCheck;

  private Journal(Path directory, MemoryStoreOptions options, Supplier<List<ModelState.Snapshot>> snapshots,
                  FileChannel channel, long size) {
    this.directory = directory;
    this.file = directory.resolve(FILE_NAME);
    this.options = options;
    this.snapshots = snapshots;
    this.channel = channel;
    this.size = size;
  }

  /**
   * Replays the journal in {@code directory} (created if missing) into {@code replay}, cuts off a
   * damaged tail, and starts the writer thread. Blocking.
   *
   * @param snapshots the live data for compaction; called on the writer thread under the append lock
   */
  static Journal open(Path directory, MemoryStoreOptions options, Consumer<TxRecord> replay,
                      Supplier<List<ModelState.Snapshot>> snapshots) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE_NAME);
    Files.deleteIfExists(directory.resolve(FILE_NAME + COMPACT_SUFFIX));
    long size = JournalReader.replay(file, replay);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.position(size);
    Journal journal = new Journal(directory, options, snapshots, channel, size);
    Thread writer = new Thread(journal::run, "livemodel-journal-" + directory.getFileName());
    writer.setDaemon(true);
    writer.start();
    return journal;
  }

  /**
   * Runs {@code apply} (making the transaction visible in memory) and queues the record, atomically
   * with respect to other appends and to compaction.
   *
   * @return completes, on the writer thread, when the record has been written (and forced with fsync
   *     on); fails if the write failed
   * @throws IllegalStateException if the journal is closed or failed; {@code apply} has then not run
   */
  CompletableFuture<Void> append(TxRecord record, Runnable apply) {
    byte[] frame = JournalFrame.encode(record.toJson());
    appendLock.lock();
    try {
      checkUsable();
      apply.run();
      return enqueue(frame);
    } finally {
      appendLock.unlock();
    }
  }

  /**
   * A future that completes once every record appended before it has been written: a transaction that
   * wrote nothing uses it so that it does not complete before the writes it may have read.
   */
  CompletableFuture<Void> sync() {
    appendLock.lock();
    try {
      checkUsable();
      return enqueue(new byte[0]);
    } finally {
      appendLock.unlock();
    }
  }

  /** Writes what is queued, forces and closes the file. Idempotent. */
  CompletableFuture<Void> close() {
    appendLock.lock();
    try {
      if (!closing) {
        closing = true;
        queue.add(CLOSE);
      }
    } finally {
      appendLock.unlock();
    }
    return closed;
  }

  /** The current length of the journal file in bytes, as the writer last left it. For tests and metrics. */
  long size() {
    return size;
  }

  private void checkUsable() {
    if (closing) {
      throw new IllegalStateException("the store is closed");
    }
    if (failure != null) {
      throw new IllegalStateException("the journal failed: " + failure.getMessage(), failure);
    }
  }

  private CompletableFuture<Void> enqueue(byte[] frame) {
    Pending pending = new Pending(frame, new CompletableFuture<>());
    queue.add(pending);
    return pending.written;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        batch.clear();
        batch.add(queue.take());
        queue.drainTo(batch, options.maxBatchRecords() - 1);
        int end = batch.indexOf(CLOSE);
        write(end < 0 ? batch : batch.subList(0, end));
        if (end >= 0) {
          shutdown();
          return;
        }
        maybeCompact();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.SEVERE, "Journal writer of " + file + " stopped", e);
      failure = new IOException("journal writer stopped", e);
      closed.completeExceptionally(e);
    }
  }

  private void write(List<Pending> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (failure != null) {
      batch.forEach(p -> p.written.completeExceptionally(failure));
      return;
    }
    ByteBuffer[] buffers = new ByteBuffer[batch.size()];
    long total = 0;
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = ByteBuffer.wrap(batch.get(i).frame);
      total += buffers[i].remaining();
    }
    try {
      long written = 0;
      while (written < total) {
        written += channel.write(buffers);
      }
      if (options.fsync() && total > 0) {
        channel.force(false);
      }
      size += total;
      batch.forEach(p -> p.written.complete(null));
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Journal " + file + " cannot be written; the store refuses further writes", e);
      failure = e;
      batch.forEach(p -> p.written.completeExceptionally(e));
    }
  }

  private void maybeCompact() {
    if (failure != null || size < options.compactionThreshold() || size < nextCompactionCheck) {
      return;
    }
    List<ModelState.Snapshot> live;
    appendLock.lock();
    try {
      if (closing) {
        return;
      }
      List<Pending> queued = new ArrayList<>();
      queue.drainTo(queued);
      write(queued);
      if (failure != null) {
        return;
      }
      live = snapshots.get();
    } finally {
      appendLock.unlock();
    }
    List<byte[]> frames = SnapshotWriter.frames(live, SNAPSHOT_CHUNK);
    long liveSize = frames.stream().mapToLong(f -> f.length).sum();
    if (liveSize * 2 > size) {
      nextCompactionCheck = liveSize * 2;
      return;
    }
    rewrite(frames, liveSize);
  }

  private void rewrite(List<byte[]> frames, long liveSize) {
    Path temporary = directory.resolve(FILE_NAME + COMPACT_SUFFIX);
    try {
      SnapshotWriter.replace(file, temporary, frames);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Compaction of journal " + file + " failed; the journal is kept as it is", e);
      nextCompactionCheck = size * 2;
      deleteQuietly(temporary);
      return;
    }
    long before = size;
    try {
      channel.close();
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
      channel.position(liveSize);
      size = liveSize;
      nextCompactionCheck = Math.max(options.compactionThreshold(), liveSize * 2);
      LOG.log(Level.INFO, "Compacted journal {0} from {1} to {2} bytes",
          new Object[] {file, String.valueOf(before), String.valueOf(liveSize)});
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Journal " + file + " cannot be reopened after compaction", e);
      failure = e;
    }
  }

  private void shutdown() {
    try {
      channel.force(true);
      channel.close();
      closed.complete(null);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Closing journal " + file + " failed", e);
      closed.completeExceptionally(e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a leftover is deleted when the journal is next opened
    }
  }

  /** A queued record; {@code frame} null marks the close request, an empty one a sync. */
  private record Pending(byte[] frame, CompletableFuture<Void> written) {
  }
}
