package io.livemodel.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the {@code ACL} model, as a snapshot the caller keeps current (the store layer reloads
 * it when an ACL row changes). Read on every decision, so it must be cheap: no I/O.
 */
@FunctionalInterface
public interface AclRows {

  /** No ACL rows. */
  AclRows NONE = model -> List.of();

  /**
   * The rows that can apply to {@code model}: those naming it and those naming {@code *}. An empty
   * list lets the common case (a model without ACLs) be decided without work.
   */
  List<AclEntry> rowsFor(String model);

  /** A fixed snapshot of {@code rows}, grouped by model once (rows for {@code *} go to every model). */
  static AclRows of(List<AclEntry> rows) {
    if (rows.isEmpty()) {
      return NONE;
    }
    Map<String, List<AclEntry>> byModel = new HashMap<>();
    List<AclEntry> everyModel = rows.stream().filter(r -> AclEntry.ALL.equals(r.model())).toList();
    for (AclEntry row : rows) {
      if (!AclEntry.ALL.equals(row.model())) {
        byModel.computeIfAbsent(row.model(), m -> new ArrayList<>(everyModel)).add(row);
      }
    }
    Map<String, List<AclEntry>> frozen = new HashMap<>();
    byModel.forEach((model, list) -> frozen.put(model, List.copyOf(list)));
    return model -> frozen.getOrDefault(model, everyModel);
  }
}
