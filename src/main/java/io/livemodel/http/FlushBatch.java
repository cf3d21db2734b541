package io.livemodel.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Flushes the change-stream connections of one event loop once per turn instead of once per write:
 * the first write of a turn schedules one task behind the tasks already queued on the loop (a burst
 * of changes that arrived together, say), and that task flushes every connection written since. An
 * idle loop runs it at once, so a lone change waits for nothing.
 *
 * <p>One per event loop (per HTTP verticle), used on that loop only.
 */
final class FlushBatch {

  private final List<VertxInternals.DirectOutput> pending = new ArrayList<>();
  private final Runnable flushAll = this::flushAll;
  private boolean scheduled;

  void add(VertxInternals.DirectOutput channel) {
    pending.add(channel);
    if (!scheduled) {
      scheduled = true;
      channel.executor().execute(flushAll);
    }
  }

  private void flushAll() {
    scheduled = false;
    // Index loop: a flush can complete writes whose listeners write again (and add to the list).
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).flush();
    }
    pending.clear();
  }
}
