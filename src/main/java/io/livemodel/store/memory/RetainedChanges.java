package io.livemodel.store.memory;

import io.livemodel.config.Retention;
import io.livemodel.store.ChangeLog;
import io.livemodel.store.Change;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The memory store's part of the {@link io.livemodel.store.ChangeLog} for one model: its retained
 * changes, in sequence order, bounded by a {@link Retention}. Filled on
 * commit and on journal replay; journal compaction writes the retained changes into the snapshot, so
 * they survive it (their age then counts from the restart). Thread-safe: its methods are synchronized.
 */
final class RetainedChanges {

  private record Entry(Change change, long atMillis) {
  }

  private final Retention retention;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  RetainedChanges(Retention retention) {
    this.retention = retention;
  }

  synchronized void add(List<Change> changes) {
    long now = System.currentTimeMillis();
    for (Change change : changes) {
      entries.addLast(new Entry(change, now));
    }
    trim(now);
  }

  /** Every retained change, in sequence order. */
  synchronized List<Change> retained() {
    List<Change> out = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      out.add(entry.change());
    }
    return out;
  }

  /** Changes with seq above {@code afterSeq}, at most {@code max}; {@code latestSeq} is the model's. */
  synchronized ChangeLog.Page after(long afterSeq, int max, long latestSeq) {
    trim(System.currentTimeMillis());
    List<Change> out = new ArrayList<>();
    if (max > 0 && !entries.isEmpty() && afterSeq < entries.peekLast().change().seq()) {
      Iterator<Entry> it = entries.iterator();
      while (it.hasNext() && out.size() < max) {
        Change change = it.next().change();
        if (change.seq() > afterSeq) {
          out.add(change);
        }
      }
    }
    long oldest = entries.isEmpty() ? 0 : entries.peekFirst().change().seq();
    return new ChangeLog.Page(out, oldest, latestSeq);
  }

  private void trim(long now) {
    while (entries.size() > retention.maxChanges()) {
      entries.removeFirst();
    }
    if (retention.maxAgeSeconds() > 0) {
      long horizon = now - retention.maxAgeSeconds() * 1000;
      while (!entries.isEmpty() && entries.peekFirst().atMillis() < horizon) {
        entries.removeFirst();
      }
    }
  }
}
