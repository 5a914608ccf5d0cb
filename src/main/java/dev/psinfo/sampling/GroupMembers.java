package dev.psinfo.sampling;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in a process group ({@code group.NAME=REGEX}): the shown processes whose name or arguments
 * match, and, with {@code groupChildren=true}, every shown descendant of one of them, each counted
 * once. Descendants are found by parent pid over the same scan; a hidden process still links its
 * shown descendants (as the table's {@code children(pid)} does, with the same rule for a parent
 * link: {@link #parents}, which {@code host.ProcessTree} uses). Stateless; the functions are pure.
 *
 * <p>A parent link is believed only when it can be true: a process is not its own parent, and a
 * process that started before the process now holding its parent pid is not that process's child
 * (its real parent exited and the pid was reused). Cycles in the parent links (which a scan racing
 * with exits and pid reuse could show) end the walk instead of looping.
 */
public final class GroupMembers {
  private GroupMembers() {}

  /**
   * The totals of a group over {@code s}: the shown processes matching {@code regex}, and with
   * {@code children} their shown descendants too.
   */
  public static ProcessTotals totals(Snapshot s, UserPattern regex, boolean children) {
    if (!children) {
      return s.totals(regex);
    }
    List<ProcessInfo> all = s.scan().processes();
    List<ProcessSample> samples = s.samples();
    int n = all.size();
    long[] pid = new long[n];
    long[] ppid = new long[n];
    long[] start = new long[n];
    int[] shown = new int[n]; // index in samples, or -1 for a hidden process
    boolean[] matched = new boolean[n];
    boolean ascending = true; // as a scan lists them: then one merge with the shown rows
    int next = 0; // the first shown row not yet passed by the merge
    for (int i = 0; i < n; i++) {
      ProcessInfo p = all.get(i);
      pid[i] = p.pid();
      ppid[i] = p.ppid();
      start[i] = p.startTimeMillis();
      ascending = ascending && (i == 0 || pid[i] > pid[i - 1]);
      if (ascending) {
        while (next < samples.size() && samples.get(next).info().pid() < pid[i]) {
          next++;
        }
        shown[i] = next < samples.size() && samples.get(next).info().pid() == pid[i] ? next : -1;
      } else {
        shown[i] = s.indexOf(pid[i]);
      }
      matched[i] = shown[i] >= 0 && ProcessFilter.matches(regex, samples.get(shown[i]));
    }
    boolean[] member = withDescendants(pid, ppid, start, matched);
    boolean[] counted = new boolean[samples.size()];
    for (int i = 0; i < n; i++) {
      if (member[i] && shown[i] >= 0) {
        counted[shown[i]] = true;
      }
    }
    ProcessTotals.Sum sum = new ProcessTotals.Sum();
    for (int k = 0; k < counted.length; k++) {
      if (counted[k]) {
        sum.add(samples.get(k)); // once each, in the snapshot's pid order
      }
    }
    return sum.totals();
  }

  /**
   * Which processes are members: those {@code matched}, and every descendant of one. The arrays
   * describe one scan, one entry per process.
   *
   * @param pid each process's id
   * @param ppid each process's parent id
   * @param startMillis each process's start time ({@code -1}: not known; the link is then believed)
   * @param matched which processes match the group directly
   * @return a new array: true for each member
   */
  public static boolean[] withDescendants(
      long[] pid, long[] ppid, long[] startMillis, boolean[] matched) {
    int n = pid.length;
    if (ppid.length != n || startMillis.length != n || matched.length != n) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
    int[] parent = parents(pid, ppid, startMillis);
    // 0: not known yet, 1: member, 2: not a member, 3: on the walk being made
    byte[] state = new byte[n];
    int[] path = new int[n];
    for (int i = 0; i < n; i++) {
      int length = 0;
      byte verdict = 2;
      int at = i;
      while (true) {
        if (state[at] == 1 || state[at] == 2) {
          verdict = state[at];
          break;
        }
        if (state[at] == 3) {
          break; // a cycle without a match on it
        }
        state[at] = 3;
        path[length++] = at;
        if (matched[at]) {
          verdict = 1; // everything walked so far is it or below it
          break;
        }
        if (parent[at] < 0) {
          break;
        }
        at = parent[at];
      }
      for (int k = 0; k < length; k++) {
        state[path[k]] = verdict;
      }
    }
    boolean[] member = new boolean[n];
    for (int i = 0; i < n; i++) {
      member[i] = state[i] == 1;
    }
    return member;
  }

  /**
   * Each process's parent's index, or -1 when it has none in the scan or the link is refused: the
   * one rule for a parent link, also followed by the table's {@code children} and {@code ancestors}
   * ({@code host.ProcessTree}). The arrays describe one scan, one entry per process.
   *
   * @param startMillis each process's start time ({@code -1}: not known; the link is then believed)
   */
  public static int[] parents(long[] pid, long[] ppid, long[] startMillis) {
    int n = pid.length;
    boolean ascending = true; // as a scan lists them: then a binary search, and no map
    for (int i = 1; i < n && ascending; i++) {
      ascending = pid[i] > pid[i - 1];
    }
    Map<Long, Integer> indexOf = null; // otherwise: the last index of each pid
    if (!ascending) {
      indexOf = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        indexOf.put(pid[i], i);
      }
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      int p = -1;
      if (ppid[i] != pid[i]) {
        if (indexOf == null) {
          p = Math.max(-1, Arrays.binarySearch(pid, ppid[i]));
        } else {
          p = indexOf.getOrDefault(ppid[i], -1);
        }
      }
      boolean believed =
          p >= 0
              && p != i
              && (startMillis[i] < 0 || startMillis[p] < 0 || startMillis[i] >= startMillis[p]);
      parent[i] = believed ? p : -1;
    }
    return parent;
  }
}
