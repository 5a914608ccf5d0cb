package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one bean's attributes at one moment, as plain Java: what {@code info} and {@code
 * top} show, whether read from this host ({@link HostSystem#reading()}, {@link
 * HostCoverage#reading()}) or from a remote agent's bean (the command line converts its answer in
 * one place). Each value has its attribute's {@link Attribute#type()}. A reading from an older
 * agent may lack attributes: reading one of those throws, saying which and from where. Immutable.
 *
 * @param <A> the bean's attributes
 */
public final class Reading<A extends Enum<A> & Attribute> {
  private final Map<A, Object> values;
  private final String source;

  private Reading(Map<A, Object> values, String source) {
    this.values = values;
    this.source = source;
  }

  /**
   * A reading of these values.
   *
   * @param attributes the bean's attributes
   * @param values a value of the attribute's type per attribute there is; attributes left out are
   *     missing (an older agent)
   * @param source where the values come from, for the message about a missing one (e.g. {@code jmx
   *     host:9010 psinfo:type=SystemInfo})
   * @throws IllegalArgumentException when a value is null or not of its attribute's type
   */
  public static <A extends Enum<A> & Attribute> Reading<A> of(
      Class<A> attributes, Map<A, ?> values, String source) {
    requireNonNull(source, "source is null");
    EnumMap<A, Object> copy = new EnumMap<>(attributes);
    for (Map.Entry<A, ?> e : values.entrySet()) {
      A a = e.getKey();
      Object v = e.getValue();
      if (v == null || !a.type().isInstance(v)) {
        throw new IllegalArgumentException(
            a.attributeName()
                + " must be a "
                + a.type().getSimpleName()
                + ": "
                + (v == null ? "null" : v.getClass().getSimpleName()));
      }
      copy.put(a, v instanceof Map<?, ?> m ? Map.copyOf(m) : v);
    }
    return new Reading<>(Collections.unmodifiableMap(copy), source);
  }

  /**
   * The value of {@code a}, of its {@link Attribute#type()}.
   *
   * @throws IllegalStateException when this reading lacks {@code a} (an older agent), saying so
   */
  public Object get(A a) {
    Object v = values.get(a);
    if (v == null) {
      throw new IllegalStateException(
          source
              + " has no attribute "
              + a.attributeName()
              + ": that agent is older than this command; read it with the command of the agent's"
              + " version");
    }
    return v;
  }

  /** A number's value as a long (-1: not available). */
  public long number(A a) {
    return ((Number) get(a)).longValue();
  }

  /** A number's value as a double (-1: not available). */
  public double decimal(A a) {
    return ((Number) get(a)).doubleValue();
  }

  /** A text's value ({@code ""}: not available). */
  public String text(A a) {
    return (String) get(a);
  }

  /** A map's value (text to text). */
  @SuppressWarnings("unchecked")
  public Map<String, String> map(A a) {
    return (Map<String, String>) get(a);
  }

  /** The attributes this reading has, in their declaration order. */
  public List<A> attributes() {
    return List.copyOf(values.keySet());
  }
}
