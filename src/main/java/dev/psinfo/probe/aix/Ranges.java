package dev.psinfo.probe.aix;

/**
 * The range checks of the AIX records' compact constructors: each throws an {@link
 * IllegalArgumentException} naming the field, its range and the bad value (the parsers turn it into
 * a {@link dev.psinfo.probe.CorruptRecordException}). No state; allocates only to throw.
 */
final class Ranges {
  /** The largest value of an unsigned byte field ({@code uchar_t}). */
  static final int MAX_U8 = 0xff;

  private Ranges() {}

  /** Checks {@code value >= min}. */
  static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
    }
  }

  /** Checks {@code min <= value <= max}. */
  static void within(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
    }
  }
}
