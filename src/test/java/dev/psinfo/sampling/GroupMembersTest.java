package dev.psinfo.sampling;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Group membership with descendants: counted once, pid reuse and cycles guarded. */
class GroupMembersTest {
  private static final long T = 1_600_000_000_000L;

  private static boolean[] members(long[] pid, long[] ppid, long[] start, boolean... matched) {
    return GroupMembers.withDescendants(pid, ppid, start, matched);
  }

  @Test
  void descendantsOfAMatchAreMembersAndOthersAreNot() {
    // 1 ─┬─ 10 (match) ─┬─ 11 ── 12
    //    │              └─ 13
    //    └─ 20 ── 21
    long[] pid = {1, 10, 11, 12, 13, 20, 21};
    long[] ppid = {0, 1, 10, 11, 10, 1, 20};
    long[] start = {T, T + 10, T + 11, T + 12, T + 13, T + 20, T + 21};
    assertThat(members(pid, ppid, start, false, true, false, false, false, false, false))
        .containsExactly(false, true, true, true, true, false, false);
    // the root matching takes everything; nothing matching takes nothing
    assertThat(members(pid, ppid, start, true, false, false, false, false, false, false))
        .containsOnly(true);
    assertThat(members(pid, ppid, start, false, false, false, false, false, false, false))
        .containsOnly(false);
  }

  @Test
  void theArraysInAnyOrderGiveTheSameMembers() {
    // the tree above, listed out of pid order (a scan lists ascending pids: a binary search; any
    // other order: a map from pid to index, the later of a repeated pid winning)
    long[] pid = {21, 12, 1, 20, 13, 10, 11};
    long[] ppid = {20, 11, 0, 1, 10, 1, 10};
    long[] start = {T + 21, T + 12, T, T + 20, T + 13, T + 10, T + 11};
    assertThat(members(pid, ppid, start, false, false, false, false, false, true, false))
        .containsExactly(false, true, false, false, true, true, true);
    assertThat(GroupMembers.parents(pid, ppid, start)).containsExactly(3, 6, -1, 2, 5, 2, 5);
    // pid 10 listed twice: its children link to the later entry
    long[] repeated = {1, 10, 11, 10};
    assertThat(GroupMembers.parents(repeated, new long[] {0, 1, 10, 1}, new long[] {T, T, T, T}))
        .containsExactly(-1, 0, 3, 0);
  }

  @Test
  void aProcessMatchedAndBelowAMatchIsOneMember() {
    long[] pid = {10, 11, 12};
    long[] ppid = {1, 10, 11};
    long[] start = {T, T, T};
    // 10 and 12 both match; 12 is also 10's grandchild: still one entry, true once
    assertThat(members(pid, ppid, start, true, false, true)).containsExactly(true, true, true);
  }

  @Test
  void aChildOlderThanTheProcessHoldingItsParentPidIsNotItsChild() {
    // 30 started at T+5; its parent exited and pid 10 was reused at T+100 by a matching process
    long[] pid = {10, 30, 31};
    long[] ppid = {1, 10, 10};
    long[] start = {T + 100, T + 5, T + 150};
    assertThat(members(pid, ppid, start, true, false, false)).containsExactly(true, false, true);
    // an unknown start time cannot refuse the link
    assertThat(members(pid, ppid, new long[] {T + 100, -1, T + 150}, true, false, false))
        .containsExactly(true, true, true);
    // started in the same tick as its parent: a child
    assertThat(members(pid, ppid, new long[] {T, T, T}, true, false, false)).containsOnly(true);
  }

  @Test
  void cyclesAndSelfParentsEndTheWalk() {
    // 5 -> 6 -> 7 -> 5 (a racy scan), 8 is its own parent, 9 under the cycle
    long[] pid = {5, 6, 7, 8, 9};
    long[] ppid = {7, 5, 6, 8, 7};
    long[] start = {T, T, T, T, T};
    assertThat(members(pid, ppid, start, false, false, false, false, false)).containsOnly(false);
    assertThat(members(pid, ppid, start, false, true, false, false, false))
        .containsExactly(true, true, true, false, true);
    assertThat(members(pid, ppid, start, false, false, false, true, false))
        .containsExactly(false, false, false, true, false);
  }

  @Test
  void aLongChainIsWalkedWithoutRecursion() {
    int n = 200_000;
    long[] pid = new long[n];
    long[] ppid = new long[n];
    long[] start = new long[n];
    boolean[] matched = new boolean[n];
    for (int i = 0; i < n; i++) {
      pid[i] = i + 2;
      ppid[i] = i + 1;
      start[i] = T + i;
    }
    matched[0] = true;
    assertThat(GroupMembers.withDescendants(pid, ppid, start, matched)).containsOnly(true);
  }

  @Test
  void arraysOfDifferentLengthsAreRefused() {
    assertThatThrownBy(
            () ->
                GroupMembers.withDescendants(new long[1], new long[1], new long[2], new boolean[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void totalsOverASnapshotCountShownDescendantsOnceLinkedThroughHiddenOnes() {
    List<ProcessInfo> table =
        List.of(
            process(1, 0, "root", "init", "/sbin/init", 10, 100),
            process(5, 1, "alice", "nginx", "nginx: master process", 30, 300),
            process(6, 5, "bob", "nginx", "nginx: worker process", 20, 200), // hidden: bob
            process(7, 6, "alice", "sh", "sh -c health", 1, 10), // below the hidden one
            process(8, 5, "alice", "nginx", "nginx: worker process", 20, 200),
            process(9, 1, "alice", "top", "top", 40, 10));
    FakeProbe probe = new FakeProbe().then(0, table);
    ProcessSampler sampler =
        new ProcessSampler(
            probe,
            new ProcessFilter(null, null, Set.of("alice", "root")),
            null,
            Duration.ofSeconds(30),
            System::nanoTime);
    Snapshot s = sampler.snapshot();
    UserPattern master = UserPattern.compile("nginx: master");
    assertThat(GroupMembers.totals(s, master, false).pids()).containsExactly(5);
    ProcessTotals withChildren = GroupMembers.totals(s, master, true);
    assertThat(withChildren.pids()).containsExactly(5, 7, 8);
    assertThat(withChildren.processCount()).isEqualTo(3);
    assertThat(withChildren.rssBytes()).isEqualTo(510);
    // matched directly and a descendant: once
    assertThat(GroupMembers.totals(s, UserPattern.compile("nginx"), true).pids())
        .containsExactly(5, 7, 8);
    assertThat(GroupMembers.totals(s, UserPattern.compile("nothing-here"), true).processCount())
        .isZero();
  }
}
