package dev.psinfo.host;

import java.util.Locale;
import java.util.Map;

/**
 * One value of a host {@link Reading}: an attribute of a bean the agent serves ({@code
 * psinfo:type=SystemInfo}: {@link SystemAttribute}; {@code psinfo:type=Coverage}: {@link
 * CoverageAttribute}), declared once as an enum constant whose name spells the attribute's ({@code
 * LOAD_AVERAGE_1M} is {@code LoadAverage1m}) and which says where the host model keeps its value.
 * The beans' getters and the command line's views ({@code info}, {@code top}) read it under that
 * name; a test holds each enum and its bean interface to the same names and types.
 */
public interface Attribute {
  /** The attribute's name as JMX clients see it, e.g. {@code Hostname}, {@code Complete}. */
  String attributeName();

  /**
   * The value's class: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code
   * Boolean}, or {@code Map} (of {@code String} to {@code String}).
   */
  Class<?> type();

  /** {@code LOAD_AVERAGE_1M} -> {@code LoadAverage1m}: each word capitalized, joined. */
  static String nameOf(Enum<?> constant) {
    StringBuilder b = new StringBuilder();
    for (String word : constant.name().split("_")) {
      b.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }

  /** The class a value is read as: its own, or {@code Map} for any map. */
  static Class<?> typeOf(Object value) {
    return value instanceof Map<?, ?> ? Map.class : value.getClass();
  }
}
