package dev.psinfo.host;

import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.GroupMembers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parent links between the processes of one scan, by pid, under the one rule for a parent link
 * ({@link GroupMembers#parents}, which process groups' {@code groupChildren} follow too): a process
 * is not its own parent, and a process that started before the process now holding its parent pid
 * is not that process's child (a scan reads one process after another, so a child read before its
 * parent exited can name a pid that a newer process took by the time that pid was read). Walks stop
 * at a process seen already, so a cycle costs one visit per process.
 */
final class ProcessTree {
  private final long[] pid;
  private final Map<Long, Integer> indexOf;

  /** Each process's parent's index, or -1. */
  private final int[] parent;

  /**
   * @param processes one scan's processes, in any order
   */
  ProcessTree(List<ProcessInfo> processes) {
    int n = processes.size();
    pid = new long[n];
    long[] ppid = new long[n];
    long[] start = new long[n];
    indexOf = new HashMap<>(n * 4 / 3 + 1);
    for (int i = 0; i < n; i++) {
      ProcessInfo p = processes.get(i);
      pid[i] = p.pid();
      ppid[i] = p.ppid();
      start[i] = p.startTimeMillis();
      indexOf.put(p.pid(), i);
    }
    parent = GroupMembers.parents(pid, ppid, start);
  }

  /** True when a process with this pid is in the scan. */
  boolean contains(long pid) {
    return indexOf.containsKey(pid);
  }

  /**
   * The pids of {@code pid}'s ancestors, its parent first, up to the root of its tree; empty when
   * {@code pid} is not in the scan.
   */
  List<Long> ancestors(long pid) {
    List<Long> out = new ArrayList<>();
    Integer self = indexOf.get(pid);
    if (self == null) {
      return out;
    }
    boolean[] seen = new boolean[parent.length];
    seen[self] = true;
    for (int at = parent[self]; at >= 0 && !seen[at]; at = parent[at]) {
      seen[at] = true;
      out.add(this.pid[at]);
    }
    return out;
  }

  /** The pids of {@code pid}'s descendants (children, their children, ...), ascending. */
  List<Long> descendants(long pid) {
    Integer self = indexOf.get(pid);
    if (self == null) {
      return List.of();
    }
    Map<Integer, List<Integer>> childrenOf = new HashMap<>();
    for (int i = 0; i < parent.length; i++) {
      if (parent[i] >= 0) {
        childrenOf.computeIfAbsent(parent[i], k -> new ArrayList<>()).add(i);
      }
    }
    boolean[] seen = new boolean[parent.length];
    seen[self] = true;
    List<Long> found = new ArrayList<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>(childrenOf.getOrDefault(self, List.of()));
    while (!queue.isEmpty()) {
      int next = queue.poll();
      if (!seen[next]) {
        seen[next] = true;
        found.add(this.pid[next]);
        queue.addAll(childrenOf.getOrDefault(next, List.of()));
      }
    }
    Collections.sort(found);
    return found;
  }
}
