package dev.psinfo.jmx;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * A table of one snapshot indexed by {@code pid}, {@code name}, {@code user} ({@code Processes}, or
 * the exporter's {@code ProcessMetrics}) over its rows in ascending pid order: {@code get} finds a
 * row by binary search on the pid instead of a map per table. Read-only ({@code put}, {@code
 * remove}, {@code clear} throw {@link UnsupportedOperationException}); equal to a {@link
 * TabularDataSupport} with the same rows; serialised as one, so remote clients only ever see the
 * standard class.
 */
final class LightTable implements TabularData, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** The table's type; its index is (pid, name, user). Never serialised (see writeReplace). */
  private final transient TabularType type;

  /** Rows in ascending pid order; never serialised (see writeReplace). */
  private final transient CompositeData[] rows;

  private final transient long[] pids;

  /**
   * @param rows rows of {@link ProcessRows#ROW_TYPE} in ascending pid order, pids unique; not
   *     copied
   */
  LightTable(CompositeData[] rows) {
    this(ProcessRows.TABLE_TYPE, rows);
  }

  /**
   * @param type a table type indexed by (pid, name, user)
   * @param rows rows of {@code type}'s row type in ascending pid order, pids unique; not copied
   */
  LightTable(TabularType type, CompositeData[] rows) {
    this.type = type;
    this.rows = rows;
    this.pids = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      pids[i] = (Long) rows[i].get("pid");
      if (i > 0 && pids[i] <= pids[i - 1]) {
        throw new IllegalArgumentException("rows must be in ascending pid order: " + pids[i]);
      }
    }
  }

  @Override
  public TabularType getTabularType() {
    return type;
  }

  @Override
  public Object[] calculateIndex(CompositeData value) {
    if (value == null) {
      throw new NullPointerException("Argument value cannot be null.");
    }
    if (!type.getRowType().isValue(value)) {
      throw new javax.management.openmbean.InvalidOpenTypeException(
          "Argument value's composite type is not the row type of this table");
    }
    return value.getAll(type.getIndexNames().toArray(new String[0]));
  }

  @Override
  public int size() {
    return rows.length;
  }

  @Override
  public boolean isEmpty() {
    return rows.length == 0;
  }

  @Override
  public boolean containsKey(Object[] key) {
    try {
      return key != null && get(key) != null;
    } catch (InvalidKeyException e) {
      return false;
    }
  }

  @Override
  public boolean containsValue(CompositeData value) {
    return value != null
        && type.getRowType().isValue(value)
        && value.equals(get(calculateIndex(value)));
  }

  /**
   * The row with this index ({@code pid} a Long, {@code name}, {@code user}), or null.
   *
   * @throws NullPointerException when key is null
   * @throws InvalidKeyException when key is not a (Long, String, String)
   */
  @Override
  public CompositeData get(Object[] key) {
    if (key == null) {
      throw new NullPointerException("Argument key cannot be null.");
    }
    if (key.length != 3
        || !(key[0] instanceof Long pid)
        || !(key[1] instanceof String name)
        || !(key[2] instanceof String user)) {
      throw new InvalidKeyException(
          "Argument key's values must be (Long pid, String name, String user): "
              + Arrays.toString(key));
    }
    int i = Arrays.binarySearch(pids, pid);
    if (i < 0) {
      return null;
    }
    CompositeData row = rows[i];
    return name.equals(row.get("name")) && user.equals(row.get("user")) ? row : null;
  }

  @Override
  public void put(CompositeData value) {
    throw new UnsupportedOperationException("the " + type.getTypeName() + " table is read-only");
  }

  @Override
  public CompositeData remove(Object[] key) {
    throw new UnsupportedOperationException("the " + type.getTypeName() + " table is read-only");
  }

  @Override
  public void putAll(CompositeData[] values) {
    throw new UnsupportedOperationException("the " + type.getTypeName() + " table is read-only");
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("the " + type.getTypeName() + " table is read-only");
  }

  /** The index of every row, each a {@code List} of (pid, name, user); computed on each call. */
  @Override
  public Set<?> keySet() {
    Set<List<?>> keys = new LinkedHashSet<>(rows.length * 4 / 3 + 1);
    for (CompositeData row : rows) {
      keys.add(List.of(row.get("pid"), row.get("name"), row.get("user")));
    }
    return Collections.unmodifiableSet(keys);
  }

  @Override
  public Collection<?> values() {
    return Collections.unmodifiableList(Arrays.asList(rows));
  }

  /** As {@link TabularDataSupport#equals}: same type, same rows. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TabularData other)
        || !getTabularType().equals(other.getTabularType())
        || size() != other.size()) {
      return false;
    }
    for (CompositeData row : rows) {
      if (!other.containsValue(row)) {
        return false;
      }
    }
    return true;
  }

  /** As {@link TabularDataSupport#hashCode}: the type's hash plus each row's. */
  @Override
  public int hashCode() {
    int h = getTabularType().hashCode();
    for (CompositeData row : rows) {
      h += row.hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return toStandard().toString();
  }

  /** The standard class with the same rows (each still light until it is serialised). */
  TabularDataSupport toStandard() {
    TabularDataSupport t = new TabularDataSupport(getTabularType(), rows.length * 4 / 3 + 1, 0.75f);
    t.putAll(rows);
    return t;
  }

  @Serial
  private Object writeReplace() throws ObjectStreamException {
    return toStandard();
  }
}
