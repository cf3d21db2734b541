package io.livemodel.store.memory;

import io.livemodel.store.Change;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes compaction snapshots: the live state as journal records, in a file that atomically replaces the journal. */
final class SnapshotWriter {

  private SnapshotWriter() {
  }

  /**
   * The snapshot as records of at most {@code chunkSize} instances, then of at most as many
   * retained changes; every record carries the model's counters, so each one replays on its own.
   */
  static List<byte[]> frames(List<ModelState.Snapshot> live, int chunkSize) {
    List<byte[]> frames = new ArrayList<>();
    for (ModelState.Snapshot model : live) {
      List<JsonObject> instances = model.instances();
      int from = 0;
      do {
        List<JsonObject> chunk = instances.subList(from, Math.min(instances.size(), from + chunkSize));
        frames.add(snapshotFrame(model, chunk, List.of()));
        from += chunkSize;
      } while (from < instances.size());
      List<Change> changes = model.changes();
      for (int at = 0; at < changes.size(); at += chunkSize) {
        frames.add(snapshotFrame(model, List.of(), changes.subList(at, Math.min(changes.size(), at + chunkSize))));
      }
    }
    return frames;
  }

  private static byte[] snapshotFrame(ModelState.Snapshot model, List<JsonObject> instances, List<Change> changes) {
    TxRecord record = new TxRecord(model.model(), model.idName(), instances, List.of(), model.nextId(), model.seq(),
        changes);
    return JournalFrame.encode(record.toJson());
  }

  /** Writes {@code frames} to {@code temporary}, forces it, and renames it over {@code file} atomically. */
  static void replace(Path file, Path temporary, List<byte[]> frames) throws IOException {
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      for (byte[] frame : frames) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
      out.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
