package io.livemodel.bench;

import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code strace -c} prints (calls per system call), read back: rows of {@code % time,
 * seconds, usecs/call, calls, [errors,] syscall}; the header, rules, the {@code total} row and any
 * other line ({@code strace: Process 12 attached}) are skipped, and the total is the rows' sum.
 */
record StraceSummary(Map<String, Long> calls) {

  static StraceSummary parse(String text) {
    Map<String, Long> calls = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String[] cells = line.trim().split("\\s+");
      if (cells.length < 5 || cells.length > 6 || !cells[0].matches("\\d+\\.\\d+")
          || "total".equals(cells[cells.length - 1])) {
        continue;
      }
      try {
        calls.merge(cells[cells.length - 1], Long.parseLong(cells[3]), Long::sum);
      } catch (NumberFormatException e) {
        // not a row of the table
      }
    }
    return new StraceSummary(calls);
  }

  long total() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The {@code n} system calls made most often, most first. */
  List<String> top(int n) {
    return calls.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(n).map(Map.Entry::getKey).toList();
  }

  /** Calls per delivery, by system call and in total ({@code "total"}); empty when nothing was delivered. */
  JsonObject perDelivery(long deliveries) {
    JsonObject json = new JsonObject();
    if (deliveries <= 0) {
      return json;
    }
    json.put("total", StreamBench.round((double) total() / deliveries, 3));
    calls.forEach((name, count) -> json.put(name, StreamBench.round((double) count / deliveries, 4)));
    return json;
  }
}
