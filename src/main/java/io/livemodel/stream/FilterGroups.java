package io.livemodel.stream;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions of one model in one hub, grouped by filter: a change is filtered and encoded
 * once per group, and the same bytes go to every member. Member arrays are snapshots, rebuilt only
 * after membership changes, so a subscriber may leave while a change is fanned out.
 *
 * <p>Not thread-safe: used on its hub's event loop.
 */
final class FilterGroups {

  private final Map<String, Group> groups = new LinkedHashMap<>();
  /** The groups as an array, rebuilt only when groups come or go (null: stale). */
  private Group[] array;
  private int members;

  /** False if it was a member already. */
  boolean add(Subscription subscription) {
    Group group = groups.computeIfAbsent(subscription.filter().key(), k -> {
      array = null;
      return new Group(subscription.filter());
    });
    boolean added = group.add(subscription);
    if (added) {
      members++;
    }
    return added;
  }

  boolean remove(Subscription subscription) {
    Group group = groups.get(subscription.filter().key());
    if (group == null || !group.remove(subscription)) {
      return false;
    }
    members--;
    if (group.isEmpty()) {
      groups.remove(subscription.filter().key());
      array = null;
    }
    return true;
  }

  boolean isEmpty() {
    return groups.isEmpty();
  }

  int memberCount() {
    return members;
  }

  int groupCount() {
    return groups.size();
  }

  Group[] groups() {
    if (array == null) {
      array = groups.values().toArray(new Group[0]);
    }
    return array;
  }

  /** Subscriptions with one filter. */
  static final class Group {
    private static final Subscription[] NONE = new Subscription[0];
    final ChangeFilter filter;
    private final Set<Subscription> members = new LinkedHashSet<>();
    private Subscription[] array = NONE;
    private boolean stale;

    Group(ChangeFilter filter) {
      this.filter = filter;
    }

    boolean add(Subscription subscription) {
      boolean added = members.add(subscription);
      stale |= added;
      return added;
    }

    boolean remove(Subscription subscription) {
      boolean removed = members.remove(subscription);
      stale |= removed;
      return removed;
    }

    boolean isEmpty() {
      return members.isEmpty();
    }

    /** The members as of now; do not modify. */
    Subscription[] members() {
      if (stale) {
        array = members.toArray(NONE);
        stale = false;
      }
      return array;
    }
  }
}
