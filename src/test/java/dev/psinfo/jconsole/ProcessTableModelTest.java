package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.jconsole.ProcessTableModel.Column;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.TableRowSorter;
import org.junit.jupiter.api.Test;

/** The table model, its sorting and its filter, without a screen. */
class ProcessTableModelTest {
  private static List<Map<String, Object>> sample() {
    Map<String, Object> kworker = process(2, 0, "root", "kworker/0:1", "", -1.0, 0);
    kworker.put("rssBytes", -1L); // not available
    Map<String, Object> java =
        process(700, 1, "alice", "java", "java -jar app.jar", 55.5, 9_834_496);
    java.put("argsTruncated", true);
    return List.of(
        process(1, 0, "root", "systemd", "/sbin/init splash", 0.1, 12_000_000),
        kworker,
        java,
        process(42, 1, "bob", "bash", "-bash", 3.0, 5_000_000),
        process(43, 42, "Bob", "vim", "vim notes.txt", 3.0, 10_000),
        process(9, 700, "alice", "sh", "sh -c make", 12.0, 2_048));
  }

  private static ProcessTableModel model() throws Exception {
    ProcessTableModel model = new ProcessTableModel();
    model.setRows(Rows.entries(sample()), ZoneOffset.UTC, 1_700_000_000_000L + 3_600_000);
    return model;
  }

  private static List<Object> column(
      TableRowSorter<ProcessTableModel> sorter, ProcessTableModel model, Column c, boolean keys) {
    List<Object> out = new ArrayList<>();
    for (int view = 0; view < sorter.getViewRowCount(); view++) {
      Cell cell = (Cell) model.getValueAt(sorter.convertRowIndexToModel(view), c.ordinal());
      out.add(keys ? cell.sortKey() : cell.text());
    }
    return out;
  }

  private static TableRowSorter<ProcessTableModel> sorted(
      ProcessTableModel model, Column c, SortOrder order) {
    TableRowSorter<ProcessTableModel> sorter = new TableRowSorter<>(model);
    sorter.setSortKeys(List.of(new RowSorter.SortKey(c.ordinal(), order)));
    sorter.sort();
    return sorter;
  }

  @Test
  void cellsShowReadableValues() throws Exception {
    ProcessTableModel model = model();
    assertThat(model.getRowCount()).isEqualTo(6);
    assertThat(model.getColumnCount()).isEqualTo(Column.values().length);
    int java = model.indexOfPid(700);
    assertThat(model.getValueAt(java, Column.RSS.ordinal())).hasToString("9.4M");
    assertThat(model.getValueAt(java, Column.VSZ.ordinal())).hasToString("38M");
    assertThat(model.getValueAt(java, Column.CPU.ordinal())).hasToString("55.5");
    assertThat(model.getValueAt(java, Column.STATE.ordinal())).hasToString("S");
    assertThat(model.getValueAt(java, Column.TIME.ordinal())).hasToString("11:40");
    Cell command = (Cell) model.getValueAt(java, Column.COMMAND.ordinal());
    assertThat(command).hasToString("java -jar app.jar");
    assertThat(command.tip()).isEqualTo("java -jar app.jar … (cut by the agent)");
    // ps's START: the clock within a day of the snapshot (2023-11-14T23:13:20Z)
    Cell start = (Cell) model.getValueAt(java, Column.START.ordinal());
    assertThat(start).hasToString("09:53");
    assertThat(start.tip()).isEqualTo("2023-11-15 09:53:20");
    assertThat(model.getValueAt(model.indexOfPid(1), Column.START.ordinal())).hasToString("22:14");
    int kworker = model.indexOfPid(2);
    assertThat(model.getValueAt(kworker, Column.RSS.ordinal())).hasToString("-");
    assertThat(model.getValueAt(kworker, Column.CPU.ordinal())).hasToString("-");
    // no command line: the name, as ps shows it
    assertThat(model.getValueAt(kworker, Column.COMMAND.ordinal())).hasToString("kworker/0:1");
    // an agent without javaMain: blank
    assertThat(model.getValueAt(kworker, Column.JAVA.ordinal())).hasToString("");
  }

  @Test
  void numbersSortByValueNotByText() throws Exception {
    ProcessTableModel model = model();
    // as text "9.4M" > "11M" would be wrong the other way; by value it is right
    assertThat(column(sorted(model, Column.RSS, SortOrder.DESCENDING), model, Column.RSS, false))
        .containsExactly("11M", "9.4M", "4.8M", "9.8K", "2.0K", "-");
    assertThat(column(sorted(model, Column.PID, SortOrder.ASCENDING), model, Column.PID, true))
        .containsExactly(1L, 2L, 9L, 42L, 43L, 700L);
  }

  @Test
  void notAvailableSortsLastWhenBiggestFirst() throws Exception {
    ProcessTableModel model = model();
    List<Object> cpu =
        column(sorted(model, Column.CPU, SortOrder.DESCENDING), model, Column.CPU, false);
    assertThat(cpu).containsExactly("55.5", "12.0", "3.0", "3.0", "0.1", "-");
  }

  @Test
  void textSortsIgnoringCase() throws Exception {
    ProcessTableModel model = model();
    assertThat(column(sorted(model, Column.USER, SortOrder.ASCENDING), model, Column.USER, false))
        .containsExactly("alice", "alice", "Bob", "bob", "root", "root");
  }

  @Test
  void everyColumnSortsInOrderBothWays() throws Exception {
    ProcessTableModel model = model();
    for (Column c : Column.values()) {
      for (SortOrder order : List.of(SortOrder.ASCENDING, SortOrder.DESCENDING)) {
        TableRowSorter<ProcessTableModel> sorter = sorted(model, c, order);
        List<Cell> cells = new ArrayList<>();
        for (int view = 0; view < sorter.getViewRowCount(); view++) {
          cells.add((Cell) model.getValueAt(sorter.convertRowIndexToModel(view), c.ordinal()));
        }
        for (int i = 1; i < cells.size(); i++) {
          int cmp = cells.get(i - 1).compareTo(cells.get(i));
          assertThat(order == SortOrder.ASCENDING ? cmp <= 0 : cmp >= 0)
              .as("%s %s: %s then %s", c, order, cells.get(i - 1), cells.get(i))
              .isTrue();
        }
      }
    }
  }

  @Test
  void filterFindsTheRegexInNameArgsOrUser() throws Exception {
    ProcessTableModel model = model();
    TableRowSorter<ProcessTableModel> sorter = sorted(model, Column.PID, SortOrder.ASCENDING);
    sorter.setRowFilter(RegexRowFilter.of("java|make"));
    assertThat(column(sorter, model, Column.PID, true)).containsExactly(9L, 700L);
    sorter.setRowFilter(RegexRowFilter.of("^bob$"));
    assertThat(column(sorter, model, Column.PID, true)).containsExactly(42L);
    sorter.setRowFilter(RegexRowFilter.of("(?i)^bob$"));
    assertThat(column(sorter, model, Column.PID, true)).containsExactly(42L, 43L);
    sorter.setRowFilter(RegexRowFilter.of("splash"));
    assertThat(column(sorter, model, Column.PID, true)).containsExactly(1L);
    sorter.setRowFilter(RegexRowFilter.of("  "));
    assertThat(sorter.getViewRowCount()).isEqualTo(6);
  }

  @Test
  void indexOfAMissingPidIsMinusOne() throws Exception {
    assertThat(model().indexOfPid(12345)).isEqualTo(-1);
  }
}
