package io.livemodel.store.memory;

import java.util.ArrayDeque;

/**
 * A FIFO that runs one write transaction of a model at a time. A task is started when it is submitted
 * to an idle queue, or when the task before it calls {@link #done()}; a task must call {@code done()}
 * exactly once, whether it commits or fails, possibly from another thread and long after it started
 * (the work of a transaction may compose asynchronously).
 *
 * <p>Thread-safety: all methods may be called from any thread. Tasks are started outside the lock.
 */
final class WriteQueue {

  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private boolean busy;

  void submit(Runnable task) {
    synchronized (this) {
      if (busy) {
        waiting.add(task);
        return;
      }
      busy = true;
    }
    task.run();
  }

  /** Ends the running task and starts the next one, if any. */
  void done() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        busy = false;
        return;
      }
    }
    next.run();
  }
}
