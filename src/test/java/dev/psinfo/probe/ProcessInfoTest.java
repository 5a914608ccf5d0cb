package dev.psinfo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {
  /** A value of {@code f}'s type that is neither its "not available" value nor a small number. */
  private static Object otherValue(ProcessField f) {
    Class<?> t = f.type();
    if (t == long.class) {
      return 1_000_000_007L + f.ordinal();
    } else if (t == int.class) {
      return 1000 + f.ordinal(); // within every int field's range (wparId: 0..65535)
    } else if (t == boolean.class) {
      return !(Boolean) f.notAvailable();
    } else if (t == String.class) {
      return "x" + f.ordinal();
    } else if (t == ProcessState.class) {
      return ProcessState.ZOMBIE;
    }
    throw new AssertionError("a field of a type this test does not know: " + f);
  }

  /** {@code b.set(f, v)} with the setter of {@code v}'s type. */
  private static void set(ProcessInfo.Builder b, ProcessField f, Object v) {
    if (v instanceof Long l) {
      b.set(f, (long) l);
    } else if (v instanceof Integer i) {
      b.set(f, (int) i);
    } else if (v instanceof Boolean z) {
      b.set(f, (boolean) z);
    } else if (v instanceof String s) {
      b.set(f, s);
    } else {
      b.set(f, (ProcessState) v);
    }
  }

  /** Every field set through the generic setters lands in its own component, and only there. */
  @Test
  void everyFieldIsSetInItsOwnComponent() {
    for (ProcessField f : ProcessField.values()) {
      ProcessInfo.Builder b = ProcessInfo.builder(7);
      Object v = otherValue(f);
      set(b, f, v);
      ProcessInfo p = b.build();
      ProcessInfo fresh = ProcessInfo.builder(7).build();
      for (ProcessField g : ProcessField.values()) {
        assertThat(g.get(p)).as(f + " set, " + g + " read").isEqualTo(g == f ? v : g.get(fresh));
      }
    }
  }

  /** A fresh builder holds each field's declared "not available" value, and the pid given. */
  @Test
  void aFreshBuilderHoldsEachFieldsNotAvailableValue() {
    ProcessInfo p = ProcessInfo.builder(7).build();
    for (ProcessField f : ProcessField.values()) {
      assertThat(f.get(p))
          .as(f.itemName())
          .isEqualTo(f == ProcessField.PID ? 7L : f.notAvailable());
    }
  }

  /**
   * A builder reused with {@code reset} must forget every field of the previous process: each field
   * (from {@link ProcessField}, so a field added later is covered) is set to something else first.
   */
  @Test
  void resetForgetsEveryFieldOfThePreviousProcess() {
    ProcessInfo.Builder b = ProcessInfo.builder(1);
    for (ProcessField f : ProcessField.values()) {
      set(b, f, otherValue(f));
    }
    ProcessInfo before = b.build();
    for (ProcessField f : ProcessField.values()) {
      assertThat(f.get(before)).as(f.itemName()).isEqualTo(otherValue(f));
    }
    assertThat(b.reset(7).build()).isEqualTo(ProcessInfo.builder(7).build());
  }

  @Test
  void aSetterRejectsAFieldOfAnotherType() {
    ProcessInfo.Builder b = ProcessInfo.builder(1);
    assertThatThrownBy(() -> b.set(ProcessField.THREADS, 5L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads is a int field, not a long one");
    assertThatThrownBy(() -> b.set(ProcessField.USER, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("user is a String field, not a int one");
    assertThatThrownBy(() -> b.set(ProcessField.STATE, "R"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.set(ProcessField.ARGS, ProcessState.RUNNING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.set(ProcessField.RSS_BYTES, true))
        .isInstanceOf(IllegalArgumentException.class);
    // an int widens to a long field, as in Java's assignment
    assertThat(b.set(ProcessField.RSS_BYTES, 4096).build().rssBytes()).isEqualTo(4096);
  }

  @Test
  void buildChecksAsTheRecordDoes() {
    assertThatThrownBy(() -> ProcessInfo.builder(1).set(ProcessField.USER, (String) null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("user is null");
    assertThatThrownBy(() -> ProcessInfo.builder(1).set(ProcessField.WPAR_ID, 70_000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProcessInfo.builder(-2).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * {@code build()} allocates the record and nothing else: no value is boxed on the way to the
   * canonical constructor. The record takes at most 8 bytes a field plus a 16-byte header; one
   * boxed long would cost 16 more a row, every boxed number field together several hundred.
   */
  @Test
  void buildBoxesNothing() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    ProcessInfo.Builder b = ProcessInfo.builder(1);
    for (ProcessField f : ProcessField.values()) {
      set(b, f, otherValue(f));
    }
    int rounds = 20_000;
    List<ProcessInfo> kept = new ArrayList<>(rounds);
    for (int warm = 0; warm < 3; warm++) {
      kept.clear();
      long tid = Thread.currentThread().getId();
      long before = threads.getThreadAllocatedBytes(tid);
      for (int i = 0; i < rounds; i++) {
        kept.add(b.build());
      }
      long perBuild = (threads.getThreadAllocatedBytes(tid) - before) / rounds;
      assertThat(perBuild)
          .as("bytes per build()")
          .isLessThanOrEqualTo(16 + 8L * ProcessField.values().length);
    }
    assertThat(kept).hasSize(rounds);
  }
}
