package dev.psinfo.jconsole;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.swing.tree.DefaultMutableTreeNode;

/**
 * A process and its descendants (children, grandchildren, ...) as a tree, from one snapshot. Built
 * without recursion and bounded ({@link #MAX_NODES}, {@link #MAX_DEPTH}), so a server that sends a
 * 10,000-deep parent chain costs a few nodes, not the event thread's stack.
 */
final class Descendants {
  /** The most descendants a tree holds. */
  static final int MAX_NODES = 2_000;

  /** The deepest a tree goes below its root. */
  static final int MAX_DEPTH = 64;

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
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {root, pid, 0});
    int nodes = 0;
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) next[0];
      long parent = (Long) next[1];
      int depth = (Integer) next[2];
      List<ProcessEntry> kids = new ArrayList<>(children.getOrDefault(parent, List.of()));
      kids.sort(Comparator.comparingLong(ProcessEntry::pid));
      for (ProcessEntry kid : kids) {
        if (nodes >= MAX_NODES) {
          root.add(new DefaultMutableTreeNode("… more than " + MAX_NODES + " descendants"));
          return root;
        }
        if (seen.add(kid.pid())) {
          DefaultMutableTreeNode child = new DefaultMutableTreeNode(label(kid));
          node.add(child);
          nodes++;
          if (depth + 1 < MAX_DEPTH) {
            todo.push(new Object[] {child, kid.pid(), depth + 1});
          } else if (children.containsKey(kid.pid())) {
            child.add(new DefaultMutableTreeNode("… deeper than " + MAX_DEPTH + " levels"));
          }
        }
      }
    }
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

  /** A node's text: {@code pid name args}, args cut at 80 characters, escaped. */
  static String label(ProcessEntry p) {
    String args = p.text("args");
    String name = p.text("name");
    String tail = args.isEmpty() || args.equals(name) ? "" : "  " + abbreviate(args, 80);
    return Plain.text(p.pid() + "  " + name + tail);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
