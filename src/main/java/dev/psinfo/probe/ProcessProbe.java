package dev.psinfo.probe;

import java.io.IOException;

/**
 * Reads the host's process table. Implementations are thread-safe, keep no per-scan state between
 * calls other than caches of immutable facts (user names, clock ticks), and never fail a scan
 * because of one process: an entry that vanished, is unreadable or is corrupt is classified and
 * counted in {@link ScanStats}.
 */
public interface ProcessProbe {
  /** Short name of the platform reader, e.g. {@code "aix"} or {@code "linux"}. */
  String name();

  /**
   * Scans every process once.
   *
   * @throws IOException only when the process table as a whole cannot be read (for example the
   *     process root does not exist)
   */
  ProcessScan scan() throws IOException;
}
