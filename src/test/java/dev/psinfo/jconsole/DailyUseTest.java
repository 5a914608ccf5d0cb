package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JScrollPane;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.SwingUtilities;
import javax.swing.table.TableColumn;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 without a screen: the selection follows the process across updates and re-sorts, pause
 * holds the table, the whole command line is shown, columns are never narrower than their headers,
 * the charts draw, the Users, Coverage and group lines read right.
 */
class DailyUseTest {
  /** 2026-11-29T11:20:00Z. */
  private static final long NOON = 1_795_951_200_000L;

  private static <T> T onEdt(Callable<T> work) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            out.set(work.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return out.get();
  }

  /** A read where pid 700's CPU is {@code cpu700} and every other process churns. */
  private static PsinfoClient.Processes read(int round, double cpu700) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(process(1, 0, "root", "init", "/sbin/init", 0.5, 1));
    rows.add(process(700, 1, "alice", "java", "java -jar app.jar " + "x".repeat(3_000), cpu700, 2));
    for (int i = 0; i < 40; i++) {
      rows.add(process(1_000 + round * 50 + i, 1, "bob", "w" + i, "w", (i * 7 + round) % 50, 3));
    }
    return new PsinfoClient.Processes(
        Rows.entries(rows), 1_700_000_000_000L + round, rows.size(), ZoneOffset.UTC);
  }

  private static long selectedPidInView(ProcessesPanel panel) {
    int view = panel.table().getSelectedRow();
    return view < 0
        ? -1
        : (Long)
            ((Cell) panel.table().getValueAt(view, ProcessTableModel.Column.PID.ordinal()))
                .sortKey();
  }

  @Test
  void theSelectionFollowsTheProcessAcrossUpdatesAndResorts() throws Exception {
    List<Long> seen =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              JScrollPane scroll = new JScrollPane(panel.table());
              scroll.setSize(800, 300);
              scroll.doLayout();
              panel.show(read(0, 1), 1);
              // the user clicks java (pid 700)
              int view = -1;
              for (int r = 0; r < panel.table().getRowCount(); r++) {
                if (((Cell) panel.table().getValueAt(r, 0)).sortKey().equals(700L)) {
                  view = r;
                }
              }
              panel.table().setRowSelectionInterval(view, view);
              List<Long> out = new ArrayList<>();
              for (int round = 1; round <= 10; round++) {
                panel.show(read(round, round * 5.0), -1);
                out.add(selectedPidInView(panel));
              }
              // re-sorted by PID, then by name: still java
              panel
                  .table()
                  .getRowSorter()
                  .setSortKeys(List.of(new RowSorter.SortKey(0, SortOrder.ASCENDING)));
              out.add(selectedPidInView(panel));
              panel
                  .table()
                  .getRowSorter()
                  .setSortKeys(List.of(new RowSorter.SortKey(2, SortOrder.DESCENDING)));
              panel.show(read(11, 99), -1);
              out.add(selectedPidInView(panel));
              out.add(panel.selected().pid());
              return out;
            });
    assertThat(seen).hasSize(13).containsOnly(700L);
  }

  @Test
  void pauseHoldsTheTableAndResumeShowsTheLatest() throws Exception {
    List<Object> out =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              panel.show(read(0, 1), 700);
              int before = panel.table().getRowCount();
              panel.setPaused(true);
              PsinfoClient.Processes bigger = read(1, 1);
              List<Map<String, Object>> more = new ArrayList<>();
              more.add(process(5, 0, "root", "new", "new", 1, 1));
              List<ProcessEntry> rows = new ArrayList<>(bigger.rows());
              rows.addAll(Rows.entries(more));
              panel.show(new PsinfoClient.Processes(rows, 2, rows.size(), ZoneOffset.UTC), -1);
              int paused = panel.table().getRowCount();
              panel.setPaused(false);
              return List.of(before, paused, panel.table().getRowCount(), panel.argsShown());
            });
    assertThat(out.get(0)).isEqualTo(42);
    assertThat(out.get(1)).isEqualTo(42);
    assertThat(out.get(2)).isEqualTo(43);
    assertThat((String) out.get(3)).isEqualTo("java -jar app.jar " + "x".repeat(3_000));
  }

  @Test
  void noHeaderIsNarrowerThanItsTextAtJConsolesDefaultSize() throws Exception {
    List<String> narrow =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              panel.setSize(860, 560);
              panel.show(read(0, 12.5), 700);
              panel.doLayout();
              List<String> out = new ArrayList<>();
              var header = panel.table().getTableHeader();
              for (int i = 0; i < panel.table().getColumnCount(); i++) {
                TableColumn c = panel.table().getColumnModel().getColumn(i);
                int text =
                    header
                        .getDefaultRenderer()
                        .getTableCellRendererComponent(
                            panel.table(), c.getHeaderValue(), false, false, -1, i)
                        .getPreferredSize()
                        .width;
                if (c.getWidth() < text || c.getMinWidth() < text) {
                  out.add(c.getHeaderValue() + " " + c.getWidth() + " < " + text);
                }
              }
              return out;
            });
    assertThat(narrow).isEmpty();
  }

  @Test
  void theStateShowsItsLetterWithTheWordInTheTooltip() throws Exception {
    ProcessEntry p =
        Rows.entries(List.of(process(1, 0, "root", "init", "/sbin/init", 0, 1))).get(0);
    Cell state = ProcessTableModel.cell(p, ProcessTableModel.Column.STATE, ZoneOffset.UTC, -1);
    assertThat(state.text()).isEqualTo("S");
    assertThat(state.tip()).isEqualTo("SLEEPING (S)");
    Cell args = ProcessTableModel.cell(p, ProcessTableModel.Column.COMMAND, ZoneOffset.UTC, -1);
    assertThat(args.tip()).isEqualTo("/sbin/init");
  }

  @Test
  void theChartsDrawTheModesAndKeepBoundedHistory() throws Exception {
    List<Object> out =
        onEdt(
            () -> {
              SystemPanel panel = new SystemPanel(ZoneOffset.UTC);
              Map<String, Object> a = new LinkedHashMap<>();
              a.put("Hostname", "box7");
              a.put("TotalMemoryBytes", 8L << 30);
              a.put("AvailableMemoryBytes", 6L << 30);
              a.put("CpuBusyPercent", 60.0);
              a.put("CpuUserPercent", 40.0);
              a.put("CpuSystemPercent", 15.0);
              a.put("CpuIowaitPercent", 5.0);
              for (int i = 0; i < 3; i++) {
                panel.show(a, null, List.of(), null, 1_000_000L + i * 4_000, "t");
              }
              Chart cpu = panel.cpuChart();
              cpu.setSize(400, 200);
              BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
              cpu.paint(img.getGraphics());
              int userPixels = 0;
              for (int x = 0; x < 400; x++) {
                for (int y = 0; y < 200; y++) {
                  if (img.getRGB(x, y) == SystemPanel.USER.getRGB()) {
                    userPixels++;
                  }
                }
              }
              Chart bounded =
                  new Chart(
                      "t",
                      List.of(new Chart.Series("v", Color.RED)),
                      false,
                      1,
                      v -> "",
                      ZoneOffset.UTC);
              for (int i = 0; i < Chart.MAX_POINTS * 3; i++) {
                bounded.add(i, 0.5);
              }
              return List.of(
                  cpu.traceLine(), panel.memoryChart().traceLine(), userPixels, bounded.points());
            });
    assertThat(out.get(0))
        .isEqualTo("chart Host CPU %: 3 points, user 40, system 15, other 5, I/O wait 5");
    assertThat(out.get(1)).isEqualTo("chart Host memory: 3 points, used 2.0G, available 6.0G");
    assertThat((Integer) out.get(2)).isGreaterThan(1_000);
    assertThat((Integer) out.get(3)).isLessThanOrEqualTo(Chart.MAX_POINTS);
  }

  @Test
  void coverageAndGroupsReadAsLines() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("CoverageSummary", "complete: every process of the host is in the table");
    c.put("Complete", true);
    c.put("VisibleProcesses", 120);
    c.put("OtherUsersProcesses", 80);
    c.put("DeniedProcesses", 0);
    c.put("GoneProcesses", 2);
    c.put("CorruptEntries", 0);
    c.put("HiddenTasks", 0L);
    c.put("ArgsTruncated", 1);
    SystemView.Group g = SystemView.coverage(c);
    assertThat(g.facts())
        .extracting(SystemView.Fact::value)
        .contains(
            "complete: every process of the host is in the table", "yes", "120 / 80", "0 / 2 / 0");
    assertThat(SystemView.coverage(null).facts().get(0).value()).contains("not served");
    SystemView.Group groups =
        SystemView.processGroups(
            List.of(
                new PsinfoClient.Group("web", 3, 40, 3L << 30, 12.5),
                // 2 of 3 since 08:12:03 today, 4 restarts
                new PsinfoClient.Group(
                    "api", 2, 30, 1L << 30, 1.5, 3, false, NOON - 3 * 3_600_000 - 477_000, 4),
                new PsinfoClient.Group("db", 1, 9, 1L << 20, 0.5, 1, true, -1, 1),
                // down since yesterday
                new PsinfoClient.Group("mq", 0, 0, 0, 0, 2, false, NOON - 86_400_000, 0)),
            null,
            ZoneOffset.UTC,
            NOON);
    assertThat(groups.facts().get(0).label()).isEqualTo("web");
    assertThat(groups.facts().get(0).value())
        .isEqualTo("3 processes, 40 threads, RSS 3.0G, CPU 12.5%");
    assertThat(groups.facts())
        .extracting(SystemView.Fact::value)
        .contains(
            "2/3 processes, DOWN since 08:12:03, 4 restarts, 30 threads, RSS 1.0G, CPU 1.5%",
            "1/1 processes, up, 1 restart, 9 threads, RSS 1.0M, CPU 0.5%",
            "0/2 processes, DOWN since 2026-11-28 11:20:00, 0 restarts, 0 threads, RSS 0,"
                + " CPU 0.0%");
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("OsName", "Linux");
    s.put("OsVersion", "12");
    s.put("Platform", Map.of("distribution", "Debian GNU/Linux 12 (bookworm)"));
    s.put("LoadAverage1m", 2.0);
    s.put("LoadAverage5m", 1.0);
    s.put("LoadAverage15m", 0.5);
    s.put("LogicalProcessors", 4);
    List<SystemView.Group> facts = SystemView.groups(s, ZoneOffset.UTC);
    assertThat(facts.get(0).facts().get(1).value())
        .isEqualTo("Debian GNU/Linux 12 (bookworm)  (Linux 12)");
    assertThat(facts.get(3).facts().get(1).value()).isEqualTo("0.50  0.25  0.13");
  }
}
