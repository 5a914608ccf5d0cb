package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import org.junit.jupiter.api.Test;

/**
 * What a hostile process name or server cannot do to the plugin: make Swing render HTML (fetch a
 * URL, nest tables until the event thread's stack overflows), hide or reorder text with control and
 * bidi characters, or make the plugin hold unbounded rows and text. Headless: Swing's components
 * and their look and feel work without a screen.
 */
class HostileDataTest {
  static final String INJECTED =
      "<html><img src=http://127.0.0.1:9/b.png><h1 style=\"color:red\">INJECTED</h1>";
  static final String NESTED = "<html>" + "<table><tr><td>".repeat(4000) + "deep";

  private static <T> T onEdt(Callable<T> work) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            out.set(work.call());
          } catch (Throwable e) {
            failure.set(e);
          }
        });
    if (failure.get() instanceof Exception e) {
      throw e;
    }
    if (failure.get() instanceof Error e) {
      throw e;
    }
    return out.get();
  }

  /** Whether Swing made an HTML view for the component's text. */
  private static boolean html(Component c) {
    return c instanceof JComponent j && j.getClientProperty("html") != null;
  }

  @Test
  void aPlainSwingLabelWouldRenderIt() throws Exception {
    // the hazard is real: without the property, Swing parses the text as HTML
    assertThat(onEdt(() -> html(new JLabel(INJECTED)))).isTrue();
    assertThat(onEdt(() -> html(Plain.label(INJECTED)))).isFalse();
    assertThat(onEdt(() -> Plain.label(INJECTED).getText())).isEqualTo(INJECTED);
  }

  @Test
  void tableCellsShowHtmlAsTextAndDeepNestingCostsNothing() throws Exception {
    boolean anyHtml =
        onEdt(
            () -> {
              DefaultTableModel m = new DefaultTableModel(new Object[] {"a", "b", "c"}, 0);
              m.addRow(new Object[] {INJECTED, NESTED, new Cell(1L, INJECTED, INJECTED)});
              m.addRow(new Object[] {42, 1.5, Boolean.TRUE});
              Plain.Table t = new Plain.Table(m);
              t.setSize(800, 200);
              t.doLayout();
              boolean found = false;
              for (int row = 0; row < m.getRowCount(); row++) {
                for (int col = 0; col < m.getColumnCount(); col++) {
                  Component c = t.prepareRenderer(t.getCellRenderer(row, col), row, col);
                  c.getPreferredSize();
                  found |= html(c);
                }
              }
              return found;
            });
    assertThat(anyHtml).isFalse();
  }

  @Test
  void treeNodesAndTooltipsShowHtmlAsText() throws Exception {
    List<Object> out =
        onEdt(
            () -> {
              DefaultMutableTreeNode root = new DefaultMutableTreeNode(INJECTED);
              root.add(new DefaultMutableTreeNode(NESTED));
              Plain.Tree tree = new Plain.Tree(new DefaultTreeModel(root));
              tree.expandRow(0);
              boolean found = false;
              for (int row = 0; row < tree.getRowCount(); row++) {
                Object node = tree.getPathForRow(row).getLastPathComponent();
                Component c =
                    tree.getCellRenderer()
                        .getTreeCellRendererComponent(tree, node, false, true, true, row, false);
                c.getPreferredSize();
                found |= html(c);
              }
              Plain.ToolTip tip = (Plain.ToolTip) tree.createToolTip();
              tip.setTipText(INJECTED + "\u001b]0;PWN\u0007 bidi\u202Egnp.exe");
              tip.getPreferredSize();
              return List.of(found, html(tip), tip.shown());
            });
    assertThat(out.get(0)).isEqualTo(false);
    assertThat(out.get(1)).isEqualTo(false);
    assertThat((String) out.get(2))
        .startsWith(INJECTED)
        .contains("\\u001b]0;PWN\\u0007")
        .contains("bidi\\u202egnp.exe")
        .doesNotContain("\u001b");
  }

  @Test
  void theProcessesTabShowsAHostileProcessAsLiteralText() throws Exception {
    Map<String, Object> evil = process(666, 1, "nobody", "<html><h1>INJEC", INJECTED, 99.0, 1);
    evil.put("user", "<html><b>root");
    evil.put("state", NESTED);
    Map<String, Object> bidi =
        process(667, 666, "nobody", "x\u202Egnp.exe", "a\u001b[2Jb\u009b31m", 1.0, 1);
    List<Map<String, Object>> rows = List.of(process(1, 0, "root", "init", "/sbin/init", 0, 1));
    rows = new ArrayList<>(rows);
    rows.add(evil);
    rows.add(bidi);
    PsinfoClient.Processes read =
        new PsinfoClient.Processes(Rows.entries(rows), 1_700_000_000_000L, 3, ZoneOffset.UTC);
    List<Object> out =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              panel.setSize(900, 600);
              panel.show(read, 666);
              panel.doLayout();
              panel.showError(INJECTED);
              int html = panel.htmlViews();
              String args = panel.argsShown();
              Cell name = (Cell) panel.table().getModel().getValueAt(2, 2);
              return List.of(html, args, name.text(), name.tip());
            });
    assertThat(out.get(0)).isEqualTo(0);
    assertThat(out.get(1)).isEqualTo(INJECTED);
    // in the table as ps prints it (the CLI's cell); in the tooltip, what the ? stands for
    assertThat(out.get(2)).isEqualTo("x?gnp.exe");
    assertThat(out.get(3)).isEqualTo("x\\u202egnp.exe");
    ProcessEntry e = Rows.entries(List.of(bidi)).get(0);
    assertThat(ProcessesPanel.argsText(e)).isEqualTo("a\\u001b[2Jb\\u009b31m");
    assertThat(Descendants.label(e)).doesNotContain("\u001b").doesNotContain("\u202E");
  }

  @Test
  void theSystemTabShowsHostileFactsAsLiteralText() throws Exception {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("Hostname", INJECTED);
    a.put("OsName", NESTED);
    a.put("Platform", Map.of("<html><i>key", INJECTED));
    Map<String, Object> bounded = PsinfoClient.bounded(a);
    assertThat((String) bounded.get("OsName")).hasSize(ProcessEntry.MAX_TEXT_CHARS);
    boolean anyHtml =
        onEdt(
            () -> {
              SystemPanel panel = new SystemPanel(ZoneOffset.UTC);
              panel.show(bounded, "12:00:00");
              return anyHtml(panel);
            });
    assertThat(anyHtml).isFalse();
    List<SystemView.Group> groups = SystemView.groups(bounded, ZoneOffset.UTC);
    assertThat(groups.get(0).facts().get(0).value()).isEqualTo(INJECTED);
  }

  private static boolean anyHtml(java.awt.Container c) {
    for (Component child : c.getComponents()) {
      if (html(child) || (child instanceof java.awt.Container inner && anyHtml(inner))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void thePluginHoldsAtMostMaxRowsTheBusiestAndBoundedText() throws Exception {
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < ProcessEntry.MAX_ROWS + 2_000; i++) {
      many.add(process(i + 2, 1, "u", "p" + i, "x".repeat(10), i % 100, 1));
    }
    Map<String, Object> huge = process(1, 0, "root", "big", "y".repeat(200_000), 100.0, 1);
    many.add(huge);
    ProcessEntry.Taken taken = ProcessEntry.take(Rows.flat(many), ProcessEntry.MAX_ROWS);
    assertThat(taken.received()).isEqualTo(ProcessEntry.MAX_ROWS + 2_001);
    assertThat(taken.rows()).hasSize(ProcessEntry.MAX_ROWS);
    // the busiest first, the idlest left out
    assertThat(taken.rows().get(0).pid()).isEqualTo(1);
    assertThat(taken.rows().get(0).text("args")).hasSize(ProcessEntry.MAX_ARGS_CHARS);
    assertThat(taken.rows().get(0).raw("argsTruncated")).isEqualTo(Boolean.TRUE);
    assertThat(taken.rows()).noneMatch(r -> r.decimal("cpuPercent") == 0);
    assertThat(ProcessesPanel.status(10_000, 10_000, 12_001, 12_001, -1, ZoneOffset.UTC))
        .contains("the 10,000 with the most CPU of 12,001 sent")
        .contains("the plugin holds at most 10,000");
  }

  @Test
  void commandLinesPastTheReadsBudgetAreCut() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    int each = ProcessEntry.MAX_ARGS_CHARS;
    int count = (int) (ProcessEntry.ARGS_BUDGET_CHARS / each) + 20;
    String args = "z".repeat(each);
    for (int i = 0; i < count; i++) {
      rows.add(process(i + 1, 0, "u", "p", args, 1, 1));
    }
    List<ProcessEntry> kept = ProcessEntry.take(Rows.flat(rows), ProcessEntry.MAX_ROWS).rows();
    long total = kept.stream().mapToLong(e -> e.text("args").length()).sum();
    assertThat(total).isLessThanOrEqualTo(ProcessEntry.ARGS_BUDGET_CHARS + each + 20L * 1_024);
    assertThat(kept.get(kept.size() - 1).text("args")).hasSize(ProcessEntry.MAX_TEXT_CHARS);
  }

  @Test
  void aTenThousandDeepParentChainIsABoundedTree() {
    List<ProcessEntry> chain = new ArrayList<>();
    for (long pid = 1; pid <= 10_000; pid++) {
      Map<String, Object> items = new LinkedHashMap<>();
      items.put("pid", pid);
      items.put("ppid", pid - 1);
      items.put("name", "n");
      chain.add(new ProcessEntry(items));
    }
    DefaultMutableTreeNode root = Descendants.tree(chain, 1);
    assertThat(root.getDepth()).isLessThanOrEqualTo(Descendants.MAX_DEPTH + 1);
    assertThat(Descendants.count(root)).isLessThanOrEqualTo(Descendants.MAX_NODES + 1);
  }

  @Test
  void theFilterAppliesOverTheFullCapOfRows() throws Exception {
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < ProcessEntry.MAX_ROWS; i++) {
      many.add(process(i + 1, 0, "u", "p" + i, "a".repeat(700) + i, i % 7, 1));
    }
    PsinfoClient.Processes read =
        new PsinfoClient.Processes(
            Rows.entries(many), 1_700_000_000_000L, many.size(), ZoneOffset.UTC);
    int shown =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              panel.show(read, -1);
              panel.applyFilterNow("a9999$");
              return panel.table().getRowCount();
            });
    assertThat(shown).isEqualTo(1);
  }
}
