package dev.psinfo.it;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The ObjectNames of the public contract. */
final class ChildJvmNames {
  static final ObjectName TABLE = name("psinfo:type=ProcessTable");
  static final ObjectName AGENT = name("psinfo:type=Agent");
  static final ObjectName SYSTEM = name("psinfo:type=SystemInfo");

  private ChildJvmNames() {}

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
