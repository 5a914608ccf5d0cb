package dev.psinfo.host;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.USER;
import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table policy and the queries over one snapshot, without JMX. */
class ProcessQueriesTest {
  /** init(1) ─ bash(5) ─ java(7) ─ sh(9); init ─ top(11); root's processes hidden by the filter. */
  private static final List<ProcessInfo> TREE =
      List.of(
          process(1, 0, "root", "init", "/sbin/init", 10, 100),
          process(5, 1, "alice", "bash", "-bash", 30, 300),
          process(7, 5, "alice", "java", "java Main", 20, 500),
          process(9, 7, "alice", "sh", "sh -c make", 0, 50),
          process(11, 1, "bob", "top", "top", 40, 10));

  private static Snapshot snapshot(List<ProcessInfo> processes, ProcessFilter filter) {
    return new ProcessSampler(
            new FakeProbe().then(0, processes), filter, null, Duration.ofSeconds(30), () -> 0L)
        .snapshot();
  }

  private static List<Long> pids(List<ProcessSample> rows) {
    return rows.stream().map(s -> s.info().pid()).toList();
  }

  @Test
  void maxRowsCutsTheTableToTheTopByExportTopPlusThePinnedRows() {
    Snapshot s = snapshot(TREE, ProcessFilter.ALL);
    assertThat(pids(TablePolicy.ALL.table(s))).containsExactly(1L, 5L, 7L, 9L, 11L);
    assertThat(pids(new TablePolicy(2, ExportOrder.MEMORY, null).table(s))).containsExactly(5L, 7L);
    TablePolicy pinned = new TablePolicy(2, ExportOrder.MEMORY, UserPattern.compile("^top$"));
    assertThat(pids(pinned.table(s))).containsExactly(5L, 7L, 11L);
    // the operations' answers stay cut, pins or not
    assertThat(pinned.queries(s).topByCpu(10)).hasSize(2);
    assertThat(pinned.queries(s).find(".")).hasSize(2);
    assertThat(pids(pinned.queries(s).children(1))).containsExactly(5L, 7L);
    assertThatThrownBy(() -> new TablePolicy(-1, ExportOrder.CPU, null))
        .hasMessage("maxRows must be >= 0: -1");
  }

  @Test
  void childrenAreEveryShownDescendantLinkedThroughHiddenOnes() {
    ProcessQueries all = TablePolicy.ALL.queries(snapshot(TREE, ProcessFilter.ALL));
    assertThat(pids(all.children(1))).containsExactly(5L, 7L, 9L, 11L);
    assertThat(pids(all.children(5))).containsExactly(7L, 9L);
    ProcessQueries q =
        TablePolicy.ALL.queries(snapshot(TREE, new ProcessFilter(null, null, Set.of("alice"))));
    // init is hidden, yet it links its shown descendants; bob's top is not shown
    assertThat(pids(q.children(1))).containsExactly(5L, 7L, 9L);
    assertThat(pids(q.children(7))).containsExactly(9L);
    assertThat(q.children(9)).isEmpty();
  }

  @Test
  void ancestorsAreTheParentChainUpToTheRootLinkedThroughHiddenOnes() {
    ProcessQueries all = TablePolicy.ALL.queries(snapshot(TREE, ProcessFilter.ALL));
    assertThat(pids(all.ancestors(9))).containsExactly(7L, 5L, 1L);
    assertThat(pids(all.ancestors(11))).containsExactly(1L);
    // init's parent, 0, is not in the scan
    assertThat(all.ancestors(1)).isEmpty();
    // init hidden (root's): not shown, and the chain above bash ends there
    ProcessQueries alices =
        TablePolicy.ALL.queries(snapshot(TREE, new ProcessFilter(null, null, Set.of("alice"))));
    assertThat(pids(alices.ancestors(9))).containsExactly(7L, 5L);
    // a hidden process in the middle still links: hide bash by name
    ProcessQueries noBash =
        TablePolicy.ALL.queries(
            snapshot(TREE, new ProcessFilter(null, UserPattern.compile("^bash$"), Set.of())));
    assertThat(pids(noBash.ancestors(9))).containsExactly(7L, 1L);
    // maxRows keeps the nearest
    assertThat(pids(new TablePolicy(2, ExportOrder.CPU, null).queries(all.snapshot()).ancestors(9)))
        .containsExactly(7L, 5L);
    assertThatThrownBy(() -> all.ancestors(4242))
        .hasMessage("no process with pid 4242 in the snapshot");
    assertThatThrownBy(() -> all.ancestors(-1)).hasMessage("pid must be >= 0: -1");
  }

  @Test
  void aParentThatStartedAfterItsChildIsAReusedPid() {
    // 7 was read naming 5 as its parent; 5 exited and its pid went to a newer process before the
    // scan read it: that process is not 7's parent
    ProcessInfo reused =
        ProcessInfo.builder(5)
            .set(PPID, 1)
            .set(USER, "alice")
            .set(NAME, "newer")
            .set(ARGS, "newer")
            .set(START_TIME_MILLIS, 1_600_000_000_000L + 100)
            .build();
    List<ProcessInfo> scan = List.of(TREE.get(0), reused, TREE.get(2), TREE.get(3), TREE.get(4));
    ProcessQueries q = TablePolicy.ALL.queries(snapshot(scan, ProcessFilter.ALL));
    assertThat(pids(q.children(5))).isEmpty();
    assertThat(pids(q.children(1))).containsExactly(5L, 11L);
    assertThat(pids(q.children(7))).containsExactly(9L);
    // 7's chain ends at 7: the newer 5 is not its parent, nor is 5's parent its grandparent
    assertThat(q.ancestors(7)).isEmpty();
    assertThat(pids(q.ancestors(9))).containsExactly(7L);
    assertThat(pids(q.ancestors(5))).containsExactly(1L);
  }

  @Test
  void aCycleOfParentsEndsTheWalk() {
    // two processes naming each other (a scan racing pid reuse, with start times unknown) and a
    // process that is its own parent
    List<ProcessInfo> scan =
        List.of(
            ProcessInfo.builder(0)
                .set(PPID, 0)
                .set(USER, "root")
                .set(NAME, "sched")
                .set(ARGS, "")
                .build(),
            ProcessInfo.builder(20)
                .set(PPID, 21)
                .set(USER, "root")
                .set(NAME, "a")
                .set(ARGS, "")
                .build(),
            ProcessInfo.builder(21)
                .set(PPID, 20)
                .set(USER, "root")
                .set(NAME, "b")
                .set(ARGS, "")
                .build());
    ProcessQueries q = TablePolicy.ALL.queries(snapshot(scan, ProcessFilter.ALL));
    assertThat(pids(q.children(20))).containsExactly(21L);
    assertThat(pids(q.children(21))).containsExactly(20L);
    assertThat(q.children(0)).isEmpty();
    assertThat(pids(q.ancestors(20))).containsExactly(21L);
    assertThat(pids(q.ancestors(21))).containsExactly(20L);
    assertThat(q.ancestors(0)).isEmpty();
  }

  @Test
  void badArgumentsSayWhatWasWrong() {
    ProcessQueries q = TablePolicy.ALL.queries(snapshot(TREE, ProcessFilter.ALL));
    assertThatThrownBy(() -> q.topByCpu(0)).hasMessage("n must be 1 or more: 0");
    assertThatThrownBy(() -> q.process(-1)).hasMessage("pid must be >= 0: -1");
    assertThatThrownBy(() -> q.process(4242))
        .hasMessage("no process with pid 4242 in the snapshot (5 shown)");
    assertThatThrownBy(() -> q.children(4242))
        .hasMessage("no process with pid 4242 in the snapshot");
    assertThatThrownBy(() -> q.find("")).hasMessage("regex must not be empty");
    assertThatThrownBy(() -> q.byUser(" "))
        .hasMessage("user must be a user name or a numeric uid, not empty");
    assertThatThrownBy(() -> q.psText("cpu", -1)).hasMessage("rows must be 0 (all) or more: -1");
  }
}
