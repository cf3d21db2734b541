package io.livemodel.lb3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ratchet file of a differential-test app ({@code known-differences.txt}): the scenario steps
 * that still differ from LoopBack's recording today, one a line as {@code step name | reason}.
 * Blank lines and lines starting with {@code #} are comments. The list may only shrink:
 * {@link #check} names every step that differs without being listed (a regression) and every listed
 * step that now matches (a line to delete).
 */
record KnownDifferences(Path file, Map<String, String> reasons) {

  static final String SEPARATOR = " | ";

  static KnownDifferences read(Path file) throws IOException {
    Map<String, String> reasons = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return new KnownDifferences(file, reasons);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int cut = line.lastIndexOf(SEPARATOR);
      if (cut <= 0 || line.substring(cut + SEPARATOR.length()).isBlank()) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": expected \"step name | reason\", got: " + line);
      }
      String name = line.substring(0, cut).strip();
      if (reasons.put(name, line.substring(cut + SEPARATOR.length()).strip()) != null) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": step listed twice: " + name);
      }
    }
    return new KnownDifferences(file, reasons);
  }

  /**
   * What is wrong with this list given the steps of the scenario and those that differ today; empty
   * when the list is exactly right.
   *
   * @param stepNames every step of the scenario, in order
   * @param differing the steps that differ today, each with its diff lines
   */
  List<String> check(List<String> stepNames, Map<String, List<String>> differing) {
    List<String> problems = new ArrayList<>();
    if (reasons.size() > stepNames.size()) {
      problems.add(file + " lists " + reasons.size() + " steps, the scenario has only " + stepNames.size());
    }
    Set<String> known = Set.copyOf(stepNames);
    for (String name : reasons.keySet()) {
      if (!known.contains(name)) {
        problems.add(file + " lists a step the scenario does not have (delete or rename the line): " + name);
      }
    }
    differing.forEach((name, diff) -> {
      if (!reasons.containsKey(name)) {
        problems.add("REGRESSION: step \"" + name + "\" differs from LoopBack and is not in " + file + ":\n      "
            + String.join("\n      ", diff));
      }
    });
    for (String name : reasons.keySet()) {
      if (known.contains(name) && !differing.containsKey(name)) {
        problems.add("step \"" + name + "\" matches LoopBack now: delete its line from " + file + ": "
            + name + SEPARATOR + reasons.get(name));
      }
    }
    return problems;
  }
}
