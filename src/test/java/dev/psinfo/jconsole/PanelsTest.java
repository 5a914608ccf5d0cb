package dev.psinfo.jconsole;

import static dev.psinfo.jconsole.Rows.process;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The tabs' wiring on the event thread, without a screen (Swing components work headless). */
class PanelsTest {
  private static <T> T onEdt(java.util.concurrent.Callable<T> work) throws Exception {
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

  @Test
  void theProcessesTabSelectsTheConnectedJvmAndShowsItsFieldsAndDescendants() throws Exception {
    List<Map<String, Object>> rows =
        List.of(
            process(1, 0, "root", "init", "/sbin/init", 0, 1),
            process(700, 1, "alice", "java", "java -jar app.jar", 5, 2),
            process(701, 700, "alice", "sh", "sh -c make", 1, 3),
            process(702, 701, "alice", "make", "make", 1, 4));
    PsinfoClient.Processes read =
        new PsinfoClient.Processes(Rows.entries(rows), 1_700_000_000_000L, 4, ZoneOffset.UTC);
    String trace =
        onEdt(
            () -> {
              ProcessesPanel panel = new ProcessesPanel(ZoneOffset.UTC);
              panel.show(read, 700);
              panel.show(read, 1); // later reads keep the selection
              return panel.traceLine("test");
            });
    assertThat(trace)
        .isEqualTo(
            "Processes tab test: 4 rows, selected pid 700, "
                + (Rows.ITEMS.size() - 1)
                + " fields, 2 descendants");
  }

  @Test
  void theStatusLineSaysWhatIsShown() {
    assertThat(ProcessesPanel.status(12, 12, 12, 0, ZoneOffset.UTC))
        .isEqualTo("12 processes  ·  snapshot 00:00:00");
    assertThat(ProcessesPanel.status(3, 12, 12, -1, ZoneOffset.UTC)).isEqualTo("3 of 12 processes");
    assertThat(ProcessesPanel.status(200, 200, 5000, 0, ZoneOffset.UTC))
        .startsWith("200 processes (the agent's maxRows cuts 5000)");
  }

  @Test
  void theSystemTabBuildsItsGroups() throws Exception {
    String trace =
        onEdt(
            () -> {
              SystemPanel panel = new SystemPanel(ZoneOffset.UTC);
              panel.show(Map.of("Hostname", "box7", "TotalMemoryBytes", 1L << 30), "12:00:00");
              return panel.traceLine("test");
            });
    // now, coverage, process groups, then the five groups of facts
    assertThat(trace).isEqualTo("System tab test: 8 groups, host box7");
  }

  @Test
  void theAbsentTabNamesTheAttachCommand() {
    assertThat(AbsentPanel.text(4242))
        .contains("no psinfo MBeans")
        .contains("java -jar psinfo-jmx-agent.jar attach 4242");
    assertThat(AbsentPanel.text(-1)).contains("attach <pid>");
    // the views that appear inside it once the agent is there: all three
    assertThat(AbsentPanel.text(-1)).contains("The Processes, System and Users views appear");
  }
}
