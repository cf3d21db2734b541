package io.livemodel.filter;

import com.google.re2j.Pattern;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled patterns, least recently used first out, bounded by their estimated memory rather than
 * by their number: a few large patterns cannot pin more than the budget, and many small ones (one
 * per change-stream filter group) all stay compiled. A pattern larger than the whole budget is
 * compiled for its caller and not kept.
 *
 * <p>Thread-safe: guarded by its own lock, never held while compiling.
 */
final class PatternCache {

  /** Estimated bytes per compiled instruction (program and matcher state), measured on RE2J 1.8: ~70. */
  static final long BYTES_PER_INSTRUCTION = 100;
  private static final long ENTRY_OVERHEAD = 256;

  private record Entry(Pattern pattern, long bytes) {
  }

  /** A compiled pattern and its estimated size in instructions. */
  record Sized(Pattern pattern, long size) {
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long budget;
  private long bytes;

  PatternCache(long budget) {
    this.budget = budget;
  }

  /** The estimated memory of a pattern of {@code size} instructions, cached under {@code key}. */
  static long weight(String key, long size) {
    return ENTRY_OVERHEAD + 2L * key.length() + BYTES_PER_INSTRUCTION * size;
  }

  /** The cached pattern of {@code key}, else what {@code compile} makes (which may throw: nothing is kept). */
  Pattern get(String key, Supplier<Sized> compile) {
    synchronized (this) {
      Entry hit = entries.get(key);
      if (hit != null) {
        return hit.pattern();
      }
    }
    Sized compiled = compile.get();
    long weight = weight(key, compiled.size());
    synchronized (this) {
      if (weight <= budget && !entries.containsKey(key)) {
        entries.put(key, new Entry(compiled.pattern(), weight));
        bytes += weight;
        evict();
      }
    }
    return compiled.pattern();
  }

  synchronized void resize(long newBudget) {
    budget = newBudget;
    evict();
  }

  /** The estimated bytes held. */
  synchronized long bytes() {
    return bytes;
  }

  synchronized int size() {
    return entries.size();
  }

  private void evict() {
    Iterator<Entry> eldest = entries.values().iterator();
    while (bytes > budget && eldest.hasNext()) {
      bytes -= eldest.next().bytes();
      eldest.remove();
    }
  }
}
