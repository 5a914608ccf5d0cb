package dev.psinfo.jmx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeType;

/**
 * A row type and the position of each of its items in {@link CompositeType#keySet()} (item name)
 * order: what every {@link LightRow} of that type shares. Immutable.
 */
final class RowShape {
  private final CompositeType type;
  private final Map<String, Integer> position;

  RowShape(CompositeType type) {
    this.type = type;
    List<String> sorted = List.copyOf(type.keySet());
    Map<String, Integer> p = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      p.put(sorted.get(i), i);
    }
    this.position = Map.copyOf(p);
  }

  CompositeType type() {
    return type;
  }

  /** Position of an item in {@link CompositeType#keySet()} order, or -1 (also for null). */
  int position(String item) {
    Integer i = item == null ? null : position.get(item);
    return i == null ? -1 : i;
  }
}
