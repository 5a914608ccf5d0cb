package dev.psinfo.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ProcessInfoTest {
  /**
   * A builder reused with {@code reset} must forget every field of the previous process: each field
   * of the builder (found by reflection, so a field added later is covered) is set to something
   * else first.
   */
  @Test
  void resetForgetsEveryFieldOfThePreviousProcess() throws Exception {
    ProcessInfo.Builder b = ProcessInfo.builder(1);
    ProcessInfo.Builder fresh = ProcessInfo.builder(7);
    int changed = 0;
    for (Field f : ProcessInfo.Builder.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Class<?> t = f.getType();
      if (t == long.class) {
        f.setLong(b, 42);
      } else if (t == int.class) {
        f.setInt(b, 42);
      } else if (t == boolean.class) {
        f.setBoolean(b, !f.getBoolean(fresh));
      } else if (t == String.class) {
        f.set(b, "x");
      } else if (t == ProcessState.class) {
        f.set(b, ProcessState.ZOMBIE);
      } else {
        throw new AssertionError("a builder field of a type this test does not know: " + f);
      }
      assertThat(f.get(b)).as(f.getName()).isNotEqualTo(f.get(fresh));
      changed++;
    }
    assertThat(changed).isEqualTo(ProcessField.values().length);
    assertThat(b.reset(7).build()).isEqualTo(fresh.build());
  }
}
