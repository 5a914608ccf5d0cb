package dev.psinfo.probe;

/**
 * One operating system's readers, chosen once: the process table, the system facts, and what a
 * {@code capture} must copy to replay both elsewhere. Making a platform reads nothing; each method
 * returns the same instance every time. Thread-safe.
 */
public interface Platform {
  /** Short name, {@code "aix"} or {@code "linux"}; also the {@code probe=} option's value. */
  String name();

  /** The process-table reader; made lazily, so nothing is read before its first scan. */
  ProcessProbe processProbe();

  /**
   * The system-facts reader. It never scans the process table: only the process and thread counts
   * of {@code SystemInfo} come from a scan.
   */
  SystemProbe systemProbe();

  /** What {@code capture} copies on this platform. */
  CapturePlan capturePlan();
}
