package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import org.junit.jupiter.api.Test;

class DescendantsTest {
  private static List<String> walk(DefaultMutableTreeNode root) {
    List<String> out = new ArrayList<>();
    for (TreeNode n : Collections.list(root.preorderEnumeration())) {
      DefaultMutableTreeNode d = (DefaultMutableTreeNode) n;
      out.add("  ".repeat(d.getLevel()) + d.getUserObject());
    }
    return out;
  }

  @Test
  void childrenAndGrandchildrenInPidOrder() throws Exception {
    List<ProcessEntry> rows =
        Rows.entries(
            List.of(
                process(0, 0, "root", "sched", "", 0, 0),
                process(1, 0, "root", "init", "/sbin/init", 0, 0),
                process(30, 1, "root", "sshd", "sshd: alice", 0, 0),
                process(20, 1, "root", "cron", "cron", 0, 0),
                process(31, 30, "alice", "bash", "-bash", 0, 0),
                process(32, 31, "alice", "java", "java -jar app.jar", 0, 0)));
    DefaultMutableTreeNode tree = Descendants.tree(rows, 1);
    assertThat(walk(tree))
        .containsExactly(
            "1  init  /sbin/init",
            "  20  cron",
            "  30  sshd  sshd: alice",
            "    31  bash  -bash",
            "      32  java  java -jar app.jar");
    assertThat(Descendants.count(tree)).isEqualTo(4);
    // pid 0 is its own parent: it appears once, with every process below it
    assertThat(Descendants.count(Descendants.tree(rows, 0))).isEqualTo(5);
    assertThat(Descendants.count(Descendants.tree(rows, 32))).isZero();
  }

  @Test
  void aPidNotInTheTableIsALeaf() throws Exception {
    DefaultMutableTreeNode tree =
        Descendants.tree(Rows.entries(List.of(process(1, 0, "root", "init", "", 0, 0))), 99);
    assertThat(walk(tree)).containsExactly("99");
  }
}
