package dev.psinfo.jmx;

import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.OpenDataException;

/**
 * A row of a fixed {@link CompositeType} (a process row of {@link ProcessRows#ROW_TYPE}, or an
 * exporter row of {@link ProcessMetricRows#ROW_TYPE}) over an array of its values in item-name
 * order: what {@link CompositeDataSupport} is without the per-row map and checks. Immutable. Equal
 * to (and hashing like) a {@code CompositeDataSupport} with the same values; serialised as one, so
 * remote clients only ever see the standard class.
 */
final class LightRow implements CompositeData, Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /** The row type and where each item sits; never serialised (see writeReplace). */
  private final transient RowShape shape;

  /** The values in {@code shape.type().keySet()} order; never serialised (see writeReplace). */
  private final transient Object[] values;

  /** A process row of {@link ProcessRows#ROW_TYPE}. */
  LightRow(Object[] values) {
    this(ProcessRows.SHAPE, values);
  }

  /**
   * @param values in {@code shape.type().keySet()} (item name) order, each of its item's type or
   *     null; not copied
   */
  LightRow(RowShape shape, Object[] values) {
    this.shape = shape;
    this.values = values;
  }

  @Override
  public CompositeType getCompositeType() {
    return shape.type();
  }

  @Override
  public Object get(String key) {
    int i = shape.position(key);
    if (i < 0) {
      if (key == null || key.trim().isEmpty()) {
        throw new IllegalArgumentException("Argument key cannot be a null or empty String.");
      }
      throw new InvalidKeyException("Argument key=\"" + key + "\" is not an existing item name");
    }
    return values[i];
  }

  @Override
  public Object[] getAll(String[] keys) {
    if (keys == null) {
      return new Object[0];
    }
    Object[] out = new Object[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = get(keys[i]);
    }
    return out;
  }

  @Override
  public boolean containsKey(String key) {
    return shape.position(key) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    return Arrays.asList(values).contains(value);
  }

  @Override
  public Collection<?> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** As {@link CompositeDataSupport#equals}: same type, equal values. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CompositeData other)
        || !getCompositeType().equals(other.getCompositeType())) {
      return false;
    }
    int i = 0;
    for (String key : getCompositeType().keySet()) {
      if (!Objects.equals(values[i++], other.get(key))) {
        return false;
      }
    }
    return true;
  }

  /** As {@link CompositeDataSupport#hashCode}: the type's hash plus each value's. */
  @Override
  public int hashCode() {
    int h = getCompositeType().hashCode();
    for (Object v : values) {
      h += v == null ? 0 : v.hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return toStandard().toString();
  }

  /** The standard class with the same content. */
  CompositeDataSupport toStandard() {
    try {
      return new CompositeDataSupport(
          getCompositeType(), getCompositeType().keySet().toArray(new String[0]), values);
    } catch (OpenDataException e) {
      throw new IllegalStateException("row does not match its own type: " + e.getMessage(), e);
    }
  }

  @Serial
  private Object writeReplace() throws ObjectStreamException {
    return toStandard();
  }
}
