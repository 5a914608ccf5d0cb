package dev.psinfo.jconsole;

import dev.psinfo.text.Deadline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.swing.RowFilter;

/**
 * The filter box: a regular expression found in a process's name, arguments or user. Sorting and
 * filtering run on the event thread, so a pattern that backtracks badly gets a time budget per pass
 * ({@link #startPass}, a {@link Deadline#perSearch}: the clock is read every 1,024 characters one
 * search reads, so a backtracking search is stopped and a quick pass never looks); past it the
 * filter lets every remaining row through and says so. The budget is the event thread's own CPU
 * time where the JVM measures it ({@link #passClock}): on a loaded host (load 20 on 2 cores) the
 * thread waits for a core most of the time, and a wall-clock budget ran out in the middle of a
 * plain pass over 10,000 rows, showing the rest unfiltered.
 */
final class RegexRowFilter extends RowFilter<ProcessTableModel, Integer> {
  /** How much of the event thread's CPU time one filtering pass over the table may take. */
  static final long BUDGET_NANOS = 250_000_000L;

  private final Pattern pattern;
  private Deadline deadline;
  private boolean gaveUp;

  private RegexRowFilter(Pattern pattern) {
    this.pattern = pattern;
    startPass();
  }

  /**
   * The filter for what was typed, or null for no filter (blank text).
   *
   * @throws IllegalArgumentException naming the problem when the text is not a valid regex
   */
  static RegexRowFilter of(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new RegexRowFilter(Pattern.compile(text.trim()));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid regex: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** Starts the time budget of a filtering pass; call before the table is sorted again. */
  void startPass() {
    deadline = Deadline.perSearch(Duration.ofNanos(BUDGET_NANOS), 1024, passClock());
    gaveUp = false;
  }

  /**
   * The calling thread's CPU time in nanoseconds where the JVM measures it, else the wall clock. A
   * CPU time that stops being available in the middle of a pass (measurement turned off) reads as
   * the end of time, so a backtracking search is still stopped.
   */
  static LongSupplier passClock() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      return System::nanoTime;
    }
    return () -> {
      long cpu = threads.getCurrentThreadCpuTime();
      return cpu >= 0 ? cpu : Long.MAX_VALUE / 2;
    };
  }

  /** Whether the last pass ran out of time and let rows through unchecked. */
  boolean gaveUp() {
    return gaveUp;
  }

  String pattern() {
    return pattern.pattern();
  }

  @Override
  public boolean include(Entry<? extends ProcessTableModel, ? extends Integer> entry) {
    return matches(entry.getModel().row(entry.getIdentifier()));
  }

  /** Whether the pattern is found in the process's name, args or user. */
  boolean matches(ProcessEntry p) {
    if (gaveUp) {
      return true;
    }
    try {
      return find(p.text("name")) || find(p.text("args")) || find(p.text("user"));
    } catch (Deadline.Expired e) {
      gaveUp = true;
      return true;
    }
  }

  private boolean find(String text) {
    Matcher m = pattern.matcher(deadline.watch(text));
    return m.find();
  }
}
