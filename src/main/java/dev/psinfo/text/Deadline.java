package dev.psinfo.text;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A time limit shared by every search of one pass over host text (a regex over many command lines):
 * {@link #watch} wraps each text so that reading past the deadline throws {@link Expired} out of
 * the search. The clock is read once every {@code checkEvery} characters read, so a search costs
 * nearly nothing more: counted over the whole pass ({@link #overPass}: the pass as a whole is
 * limited, however short each text) or within each search ({@link #perSearch}: only a search that
 * reads one text over and over, a backtracking one, is stopped). One pass, one thread; no
 * dependency. Used by the table's {@code find} ({@code sampling.Snapshot}) and the plugin's filter
 * box.
 */
public final class Deadline {
  private final LongSupplier clockNanos;
  private final long deadlineNanos;
  private final long mask;
  private final boolean perSearch;
  private long reads;

  private Deadline(Duration limit, int checkEvery, boolean perSearch, LongSupplier clockNanos) {
    if (checkEvery <= 0 || Integer.bitCount(checkEvery) != 1) {
      throw new IllegalArgumentException("checkEvery must be a power of two: " + checkEvery);
    }
    this.clockNanos = clockNanos;
    this.deadlineNanos = clockNanos.getAsLong() + limit.toNanos();
    this.mask = checkEvery - 1L;
    this.perSearch = perSearch;
  }

  /**
   * A deadline {@code limit} from now, the clock read every {@code checkEvery} characters read by
   * all the searches of the pass together.
   *
   * @param checkEvery a power of two
   * @throws IllegalArgumentException when {@code checkEvery} is not a positive power of two
   */
  public static Deadline overPass(Duration limit, int checkEvery) {
    return new Deadline(limit, checkEvery, false, System::nanoTime);
  }

  /**
   * A deadline {@code limit} from now, the clock read every {@code checkEvery} characters read by
   * one search of one text: searches that read less never look at it, however many they are.
   *
   * @param checkEvery a power of two
   * @throws IllegalArgumentException when {@code checkEvery} is not a positive power of two
   */
  public static Deadline perSearch(Duration limit, int checkEvery) {
    return perSearch(limit, checkEvery, System::nanoTime);
  }

  /**
   * As {@link #perSearch(Duration, int)}, on {@code clockNanos} instead of the wall clock (such as
   * the calling thread's CPU time, so that time the thread spent waiting for a core does not count;
   * the pass must then run on the thread that created the deadline).
   *
   * @param checkEvery a power of two
   * @param clockNanos a clock in nanoseconds that does not go back
   * @throws IllegalArgumentException when {@code checkEvery} is not a positive power of two
   */
  public static Deadline perSearch(Duration limit, int checkEvery, LongSupplier clockNanos) {
    return new Deadline(limit, checkEvery, true, clockNanos);
  }

  /** Thrown out of a search that read past the deadline; it has no stack trace. */
  public static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("past the deadline", null, false, false);
    }
  }

  /** {@code text} as a search reads it, counting its reads against this deadline. */
  public CharSequence watch(String text) {
    return new Watched(text);
  }

  private final class Watched implements CharSequence {
    private final String text;
    private long searchReads;

    Watched(String text) {
      this.text = text;
    }

    @Override
    public char charAt(int index) {
      long n = perSearch ? ++searchReads : ++reads;
      if ((n & mask) == 0 && clockNanos.getAsLong() - deadlineNanos > 0) {
        throw new Expired();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Watched(text.substring(start, end));
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
