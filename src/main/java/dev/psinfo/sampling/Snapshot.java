package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.text.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A coherent view of the process table: every row comes from the same scan. Immutable and
 * thread-safe; every query answers from this scan only.
 *
 * @param scan the probe's scan, unfiltered, arguments as read (not for display: use {@link
 *     #samples})
 * @param samples the processes the filter shows, arguments scrubbed, in ascending pid order
 * @param sequence 1 for the first scan of the agent's life, then counting up
 */
public record Snapshot(ProcessScan scan, List<ProcessSample> samples, long sequence) {
  public Snapshot {
    requireNonNull(scan, "scan is null");
    samples = List.copyOf(requireNonNull(samples, "samples is null"));
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
    }
  }

  /** The shown process with this pid, or null. */
  public ProcessSample byPid(long pid) {
    int i = indexOf(pid);
    return i < 0 ? null : samples.get(i);
  }

  /** The index in {@link #samples} of the shown process with this pid, or -1. */
  public int indexOf(long pid) {
    int lo = 0;
    int hi = samples.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long p = samples.get(mid).info().pid();
      if (p < pid) {
        lo = mid + 1;
      } else if (p > pid) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * The {@code n} shown processes with the highest recent CPU use, highest first, ties by pid: the
   * order of {@code ps --sort cpu} and {@code top} ({@link PsText.Sort#CPU}).
   */
  public List<ProcessSample> topByCpu(int n) {
    return top(n, PsText.Sort.CPU);
  }

  /**
   * The {@code n} shown processes with the largest resident set, largest first, ties by pid: the
   * order of {@code ps --sort rss} ({@link PsText.Sort#RSS}).
   */
  public List<ProcessSample> topByMemory(int n) {
    return top(n, PsText.Sort.RSS);
  }

  private List<ProcessSample> top(int n, PsText.Sort sort) {
    List<ProcessSample> all = new ArrayList<>(samples);
    all.sort(sort.order);
    return n >= all.size() ? all : List.copyOf(all.subList(0, n));
  }

  /**
   * Shown processes whose name or arguments (without psinfo's own options: {@link MatchText}) match
   * {@code regex} (find, not full match).
   *
   * @param timeLimit how long the search may take: matching is linear in the text, but the time per
   *     character grows with the pattern's size (up to {@link UserPattern#MAX_SIZE}), so a large
   *     pattern over a large table (such as {@code (.{1,100}){10}!} over megabytes of arguments)
   *     must not keep a JMX thread busy for minutes; the clock is read every 64 Ki characters
   * @throws RegexTooExpensiveException when the search took longer than {@code timeLimit}
   */
  public List<ProcessSample> find(UserPattern regex, Duration timeLimit) {
    Deadline deadline = Deadline.overPass(timeLimit, 1 << 16);
    List<ProcessSample> out = new ArrayList<>();
    try {
      for (ProcessSample s : samples) {
        if (regex.find(deadline.watch(s.info().name()))
            || regex.find(deadline.watch(s.matchText()))) {
          out.add(s);
        }
      }
    } catch (Deadline.Expired e) {
      throw new RegexTooExpensiveException(regex.pattern(), timeLimit);
    }
    return out;
  }

  /**
   * Adds up the shown processes whose name or arguments match {@code regex} (as {@code include}
   * matches): a process group. Not cut by {@code maxRows}.
   */
  public ProcessTotals totals(UserPattern regex) {
    ProcessTotals.Sum sum = new ProcessTotals.Sum();
    for (ProcessSample s : samples) {
      if (ProcessFilter.matches(regex, s)) {
        sum.add(s);
      }
    }
    return sum.totals();
  }

  /** Shown processes whose effective user has this name, or this decimal uid. */
  public List<ProcessSample> byUser(String user) {
    List<ProcessSample> out = new ArrayList<>();
    for (ProcessSample s : samples) {
      if (ProcessFilter.isUser(s.info(), user)) {
        out.add(s);
      }
    }
    return out;
  }
}
