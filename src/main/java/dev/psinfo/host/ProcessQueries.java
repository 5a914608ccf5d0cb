package dev.psinfo.host;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.PsText;
import dev.psinfo.sampling.RegexTooExpensiveException;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions a view asks of one snapshot under a {@link TablePolicy}: each answer comes from
 * that snapshot only and is cut to the policy's {@code maxRows}. A bad argument gets an {@link
 * IllegalArgumentException} that says what was wrong (these messages are what JMX clients see).
 * Immutable and thread-safe.
 */
public final class ProcessQueries {
  /** How long {@link #find} may search before it gives up (a large pattern over long arguments). */
  public static final Duration FIND_TIME_LIMIT = Duration.ofSeconds(5);

  private final TablePolicy policy;
  private final Snapshot snapshot;

  ProcessQueries(TablePolicy policy, Snapshot snapshot) {
    this.policy = requireNonNull(policy, "policy is null");
    this.snapshot = requireNonNull(snapshot, "snapshot is null");
  }

  public Snapshot snapshot() {
    return snapshot;
  }

  /** The rows of the whole table: {@link TablePolicy#table}. */
  public List<ProcessSample> table() {
    return policy.table(snapshot);
  }

  /** The {@code n} rows with the highest recent CPU use, highest first. */
  public List<ProcessSample> topByCpu(int n) {
    return policy.cut(snapshot.topByCpu(checkCount(n)));
  }

  /** The {@code n} rows with the largest resident set, largest first. */
  public List<ProcessSample> topByMemory(int n) {
    return policy.cut(snapshot.topByMemory(checkCount(n)));
  }

  /** The shown process with this pid; an {@link IllegalArgumentException} when there is none. */
  public ProcessSample process(long pid) {
    checkPid(pid);
    ProcessSample sample = snapshot.byPid(pid);
    if (sample == null) {
      throw new IllegalArgumentException(
          "no process with pid "
              + pid
              + " in the snapshot ("
              + snapshot.samples().size()
              + " shown)");
    }
    return sample;
  }

  /**
   * Rows whose name or arguments contain a match for {@code regex} ({@link Snapshot#find}),
   * searched for at most {@link #FIND_TIME_LIMIT}.
   */
  public List<ProcessSample> find(String regex) {
    if (regex == null || regex.isEmpty()) {
      throw new IllegalArgumentException("regex must not be empty");
    }
    UserPattern pattern = UserPattern.compile(regex);
    try {
      return policy.cut(snapshot.find(pattern, FIND_TIME_LIMIT));
    } catch (RegexTooExpensiveException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** Rows whose effective user has this name, or this decimal uid. */
  public List<ProcessSample> byUser(String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("user must be a user name or a numeric uid, not empty");
    }
    return policy.cut(snapshot.byUser(user.trim()));
  }

  /**
   * The shown descendants of {@code pid} (children, grandchildren, ...), ascending by pid. The tree
   * is the whole scan's ({@link ProcessTree}), so a hidden process still links its shown
   * descendants; {@code pid} must be in the scan.
   */
  public List<ProcessSample> children(long pid) {
    ProcessTree tree = tree(pid);
    return policy.cut(shown(tree.descendants(pid)));
  }

  /**
   * The shown ancestors of {@code pid}, its parent first, up to the root of its tree (init, or the
   * first ancestor whose parent is not in the scan). The chain is the whole scan's ({@link
   * ProcessTree}), so a hidden ancestor still links the shown ones; it stops at a parent that
   * started after its child (a reused pid) and at a pid seen already (a cycle). {@code pid} must be
   * in the scan.
   */
  public List<ProcessSample> ancestors(long pid) {
    ProcessTree tree = tree(pid);
    return policy.cut(shown(tree.ancestors(pid)));
  }

  /**
   * The rows as ps-like text ({@link PsText}), sorted by {@code sortBy} ({@code cpu}, {@code rss}
   * or {@code memory}, {@code pid}), cut to {@code rows} (0: all) and {@code maxRows}, START in the
   * host's time zone; one line per row after the header, each ending in a newline.
   */
  public String psText(String sortBy, int rows) {
    PsText.Sort sort = PsText.Sort.of(sortBy);
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be 0 (all) or more: " + rows);
    }
    List<ProcessSample> shown = policy.cut(PsText.sortAndLimit(snapshot.samples(), sort, rows));
    List<String> lines =
        PsText.ps(shown, snapshot.scan().wallTimeMillis(), ZoneId.systemDefault(), 0);
    return String.join("\n", lines) + "\n";
  }

  private ProcessTree tree(long pid) {
    checkPid(pid);
    ProcessTree tree = new ProcessTree(snapshot.scan().processes());
    if (!tree.contains(pid)) {
      throw new IllegalArgumentException("no process with pid " + pid + " in the snapshot");
    }
    return tree;
  }

  /** The shown rows of these pids, in the same order (hidden ones left out). */
  private List<ProcessSample> shown(List<Long> pids) {
    List<ProcessSample> out = new ArrayList<>(pids.size());
    for (long pid : pids) {
      ProcessSample s = snapshot.byPid(pid);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private static void checkPid(long pid) {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
  }

  private int checkCount(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be 1 or more: " + n);
    }
    return policy.limit(n);
  }
}
