package io.livemodel.store;

import io.livemodel.store.Change;
import java.util.List;

/** The result of a committed write transaction: the work's value and the changes it emitted, with sequence numbers. */
public record Committed<T>(T value, List<Change> changes) {
}
