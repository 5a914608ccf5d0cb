package dev.psinfo.jconsole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.tree.DefaultMutableTreeNode;

/** A process and its descendants (children, grandchildren, ...) as a tree, from one snapshot. */
final class Descendants {
  private Descendants() {}

  /**
   * The tree under {@code pid}: each node's user object is the process's label ({@code pid name
   * args}). A process that is its own ancestor (pid 0 on some systems) appears once.
   */
  static DefaultMutableTreeNode tree(List<ProcessEntry> rows, long pid) {
    Map<Long, List<ProcessEntry>> children = new HashMap<>();
    ProcessEntry self = null;
    for (ProcessEntry p : rows) {
      if (p.pid() == pid) {
        self = p;
      }
      if (p.pid() != p.ppid()) {
        children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
      }
    }
    DefaultMutableTreeNode root =
        new DefaultMutableTreeNode(self == null ? Long.toString(pid) : label(self));
    Set<Long> seen = new HashSet<>();
    seen.add(pid);
    add(root, pid, children, seen);
    return root;
  }

  /** How many descendants the tree holds (its nodes but the root). */
  static int count(DefaultMutableTreeNode root) {
    int n = 0;
    for (var e = root.depthFirstEnumeration(); e.hasMoreElements(); e.nextElement()) {
      n++;
    }
    return n - 1;
  }

  private static void add(
      DefaultMutableTreeNode node,
      long pid,
      Map<Long, List<ProcessEntry>> children,
      Set<Long> seen) {
    List<ProcessEntry> kids = new ArrayList<>(children.getOrDefault(pid, List.of()));
    kids.sort(Comparator.comparingLong(ProcessEntry::pid));
    for (ProcessEntry kid : kids) {
      if (seen.add(kid.pid())) {
        DefaultMutableTreeNode child = new DefaultMutableTreeNode(label(kid));
        node.add(child);
        add(child, kid.pid(), children, seen);
      }
    }
  }

  static String label(ProcessEntry p) {
    String args = p.text("args");
    String name = p.text("name");
    String tail = args.isEmpty() || args.equals(name) ? "" : "  " + abbreviate(args, 80);
    return p.pid() + "  " + name + tail;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
