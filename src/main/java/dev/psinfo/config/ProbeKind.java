package dev.psinfo.config;

/** Which platform reader the agent uses. */
public enum ProbeKind {
  /** AIX when {@code os.name} is AIX, Linux otherwise. */
  AUTO,
  /** Linux {@code /proc/<pid>/stat}, {@code status}, {@code cmdline}. */
  LINUX,
  /** AIX {@code /proc/<pid>/psinfo} (448-byte big-endian records). */
  AIX
}
