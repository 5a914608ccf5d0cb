package dev.psinfo.host;

import dev.psinfo.probe.ProcessInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parent links between the processes of one scan, by pid. A link counts only when the parent
 * started no later than the child: a scan reads one process after another, so a child read before
 * its parent exited can name a pid that a newer process took by the time that pid was read, and the
 * newer process is not its parent. A process that names itself as its parent (pid 0 on some
 * systems) has no parent. Walks stop at a pid seen already, so a cycle costs one visit per process.
 */
final class ProcessTree {
  private final Map<Long, ProcessInfo> byPid;

  /**
   * @param processes one scan's processes, in any order
   */
  ProcessTree(List<ProcessInfo> processes) {
    byPid = new HashMap<>(processes.size() * 2);
    for (ProcessInfo p : processes) {
      byPid.put(p.pid(), p);
    }
  }

  /** The process with this pid in the scan, or null. */
  ProcessInfo byPid(long pid) {
    return byPid.get(pid);
  }

  /** The parent of {@code child} in the scan, or null (none, itself, absent or started later). */
  ProcessInfo parentOf(ProcessInfo child) {
    if (child.ppid() == child.pid()) {
      return null;
    }
    ProcessInfo parent = byPid(child.ppid());
    return parent != null && startedNoLater(parent, child) ? parent : null;
  }

  /**
   * The pids of {@code pid}'s ancestors, its parent first, up to the root of its tree; empty when
   * {@code pid} is not in the scan.
   */
  List<Long> ancestors(long pid) {
    List<Long> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    seen.add(pid);
    ProcessInfo child = byPid(pid);
    ProcessInfo parent = child == null ? null : parentOf(child);
    while (parent != null && seen.add(parent.pid())) {
      out.add(parent.pid());
      parent = parentOf(parent);
    }
    return out;
  }

  /** The pids of {@code pid}'s descendants (children, their children, ...), ascending. */
  List<Long> descendants(long pid) {
    Map<Long, List<Long>> childrenOf = new HashMap<>();
    for (ProcessInfo p : byPid.values()) {
      ProcessInfo parent = parentOf(p);
      if (parent != null) {
        childrenOf.computeIfAbsent(parent.pid(), k -> new ArrayList<>()).add(p.pid());
      }
    }
    List<Long> found = new ArrayList<>();
    ArrayDeque<Long> queue = new ArrayDeque<>(childrenOf.getOrDefault(pid, List.of()));
    Set<Long> seen = new HashSet<>();
    seen.add(pid);
    while (!queue.isEmpty()) {
      Long next = queue.poll();
      if (seen.add(next)) {
        found.add(next);
        queue.addAll(childrenOf.getOrDefault(next, List.of()));
      }
    }
    Collections.sort(found);
    return found;
  }

  /** False only when both start times are known and the parent's is the later one. */
  private static boolean startedNoLater(ProcessInfo parent, ProcessInfo child) {
    return parent.startTimeMillis() < 0
        || child.startTimeMillis() < 0
        || parent.startTimeMillis() <= child.startTimeMillis();
  }
}
