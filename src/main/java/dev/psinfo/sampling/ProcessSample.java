package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessInfo;
import java.util.Objects;

/**
 * One process in a {@link Snapshot}: what the probe read, with its arguments scrubbed, plus its
 * recent CPU use. Immutable (its match text is computed once, on first use) and thread-safe; equal
 * when {@code info} and {@code cpuPercent} are.
 */
public final class ProcessSample {
  private final ProcessInfo info;
  private final double cpuPercent;
  // MatchText.of(info.args()), on first use; a race computes the same immutable string twice
  // (as String.hashCode does), so no lock and no volatile
  private String matchText;

  /**
   * @param info the process
   * @param cpuPercent CPU use since the previous scan in percent of one CPU (100 = one full CPU);
   *     for a process not seen in the previous scan (the first scan, or a process started since),
   *     the average over its lifetime, like {@code ps}; -1 when its CPU time or start time is not
   *     available
   */
  public ProcessSample(ProcessInfo info, double cpuPercent) {
    this.info = requireNonNull(info, "info is null");
    if (!(cpuPercent >= 0 || cpuPercent == -1)) {
      throw new IllegalArgumentException("cpuPercent must be >= 0 or -1: " + cpuPercent);
    }
    this.cpuPercent = cpuPercent;
  }

  /** The process. */
  public ProcessInfo info() {
    return info;
  }

  /** CPU use since the previous scan in percent of one CPU; -1 when not available. */
  public double cpuPercent() {
    return cpuPercent;
  }

  /**
   * The arguments that a user's regex is matched against: {@link MatchText#of} the arguments,
   * computed once per sample however many regexes ({@code include}, {@code exclude}, groups, {@code
   * pin}, {@code find}) look at it.
   */
  public String matchText() {
    String text = matchText;
    if (text == null) {
      text = MatchText.of(info.args());
      matchText = text;
    }
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProcessSample s
        && info.equals(s.info)
        && Double.compare(cpuPercent, s.cpuPercent) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(info, cpuPercent);
  }

  @Override
  public String toString() {
    return "ProcessSample[info=" + info + ", cpuPercent=" + cpuPercent + "]";
  }
}
