package io.livemodel.store.memory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays a journal file. Reading stops at the first record that is incomplete (no LF), fails its
 * checksum, is not valid JSON or is not a valid {@link TxRecord}: such a record is what a crash in the
 * middle of an append leaves behind. It and everything after it are logged at WARNING and cut off the
 * file, so that new records follow the last good one. A damaged journal is never fatal.
 */
final class JournalReader {

  private static final Logger LOG = Logger.getLogger(JournalReader.class.getName());

  private JournalReader() {
  }

  /**
   * Passes every good record of {@code file} to {@code replay}, in order, and truncates a damaged tail.
   *
   * @return the length of the file after truncation (the end of the last good record)
   */
  static long replay(Path file, Consumer<TxRecord> replay) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    long size = Files.size(file);
    long good = readGoodPrefix(file, replay);
    if (good < size) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(good);
        channel.force(true);
      }
    }
    return good;
  }

  private static long readGoodPrefix(Path file, Consumer<TxRecord> replay) throws IOException {
    long good = 0;
    int index = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] line = new byte[1 << 12];
      while (true) {
        int length = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
          if (length == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
          }
          line[length++] = (byte) b;
        }
        if (b == -1) {
          if (length > 0) {
            warn(file, index, good, "incomplete last record (" + length + " bytes without a line end)");
          }
          return good;
        }
        try {
          replay.accept(TxRecord.fromJson(JournalFrame.decode(line, length)));
        } catch (IllegalArgumentException e) {
          warn(file, index, good, e.getMessage());
          return good;
        }
        good += length + 1;
        index++;
      }
    }
  }

  private static void warn(Path file, int index, long offset, String reason) {
    LOG.log(Level.WARNING, "Journal {0}: record #{1} at byte {2} is damaged ({3}); it and anything after it"
        + " are ignored and cut off", new Object[] {file, String.valueOf(index), String.valueOf(offset), reason});
  }
}
