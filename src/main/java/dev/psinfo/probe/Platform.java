package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * One operating system's readers, chosen once: the process table, the system facts, and what a
 * {@code capture} must copy to replay both elsewhere. Making a platform reads nothing; each method
 * returns the same instance every time. Thread-safe.
 */
public abstract class Platform {
  private final ProcessProbe processProbe;
  private final SystemProbe systemProbe;
  private final CapturePlan capturePlan;

  /**
   * @param processProbe see {@link #processProbe()}; must read nothing before its first scan; its
   *     name is the platform's
   * @param systemProbe see {@link #systemProbe()}; must read nothing before its first call
   * @param capturePlan see {@link #capturePlan()}
   */
  protected Platform(ProcessProbe processProbe, SystemProbe systemProbe, CapturePlan capturePlan) {
    this.processProbe = requireNonNull(processProbe, "processProbe is null");
    this.systemProbe = requireNonNull(systemProbe, "systemProbe is null");
    this.capturePlan = requireNonNull(capturePlan, "capturePlan is null");
  }

  /** Short name, {@code "aix"} or {@code "linux"}; also the {@code probe=} option's value. */
  public final String name() {
    return processProbe.name();
  }

  /** The process-table reader; made lazily, so nothing is read before its first scan. */
  public final ProcessProbe processProbe() {
    return processProbe;
  }

  /**
   * The system-facts reader. It never scans the process table: only the process and thread counts
   * of {@code SystemInfo} come from a scan.
   */
  public final SystemProbe systemProbe() {
    return systemProbe;
  }

  /** What {@code capture} copies on this platform. */
  public final CapturePlan capturePlan() {
    return capturePlan;
  }
}
