package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * A record that cannot be decoded: too short, or holding values its layout does not allow. The
 * walkers skip such a record and count it; they never let it fail a scan.
 */
public final class CorruptRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final long byteCount;

  /**
   * @param what which record, e.g. {@code "psinfo"}
   * @param byteCount how many bytes were offered, or -1 when not a binary record
   * @param message what is wrong with it
   */
  public CorruptRecordException(String what, long byteCount, String message) {
    super(requireNonNull(what, "what is null") + ": " + requireNonNull(message, "message is null"));
    this.what = what;
    this.byteCount = byteCount;
  }

  /** Which record failed, e.g. {@code "psinfo"}. */
  public String what() {
    return what;
  }

  /** How many bytes the record had, or -1 when it is not a binary record. */
  public long byteCount() {
    return byteCount;
  }
}
