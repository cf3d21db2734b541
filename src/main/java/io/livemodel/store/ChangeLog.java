package io.livemodel.store;

import io.livemodel.config.Retention;
import io.livemodel.model.ModelDefinition;
import io.livemodel.store.Change;
import io.vertx.core.Future;
import java.util.List;

/**
 * The retained history of each model's changes, by sequence number: what a reconnecting client
 * missed, and what fills a gap in the order changes arrived in. Both stores implement it; what is
 * kept is bounded by a {@link Retention}.
 *
 * <p>Thread-safety: may be called from any event loop.
 */
public interface ChangeLog {

  /**
   * Up to {@code max} retained changes of {@code model} with {@code seq > afterSeq}, in sequence
   * order, and the bounds of what is retained.
   */
  Future<Page> changesAfter(ModelDefinition model, long afterSeq, int max);

  /** The model's latest sequence number (0 when it has had no change). */
  default Future<Long> latestSeq(ModelDefinition model) {
    return changesAfter(model, Long.MAX_VALUE - 1, 0).map(Page::latestSeq);
  }

  /**
   * A slice of the log.
   *
   * @param changes the changes, ascending by seq
   * @param oldestSeq the oldest seq still retained (0 when nothing is retained)
   * @param latestSeq the model's latest seq (0 when it has had no change)
   */
  record Page(List<Change> changes, long oldestSeq, long latestSeq) {

    /**
     * Whether changes after {@code afterSeq} are missing from the log: some were dropped by retention,
     * or {@code afterSeq} is ahead of the log (the client saw a history this store no longer has).
     */
    public boolean expiredAfter(long afterSeq) {
      if (afterSeq > latestSeq) {
        return true;
      }
      return afterSeq < latestSeq && (oldestSeq == 0 || oldestSeq > afterSeq + 1);
    }
  }
}
