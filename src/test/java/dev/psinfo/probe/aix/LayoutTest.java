package dev.psinfo.probe.aix;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field constant has a size, and the fields tile their structure without gap or overlap. */
class LayoutTest {
  private record Slot(String name, int offset, int size) {}

  private static List<Slot> slots(Class<?> layout) throws Exception {
    List<Slot> slots = new ArrayList<>();
    for (Field f : layout.getDeclaredFields()) {
      String name = f.getName();
      if (!Modifier.isStatic(f.getModifiers()) || isSizeOfAnotherField(layout, name)) {
        continue;
      }
      Field size;
      try {
        size = layout.getDeclaredField(name + "_SIZE");
      } catch (NoSuchFieldException e) {
        continue; // a value constant such as STAT_ACTIVE, not a field offset
      }
      slots.add(new Slot(name, f.getInt(null), size.getInt(null)));
    }
    slots.sort(Comparator.comparingInt(Slot::offset));
    return slots;
  }

  /** True for {@code X_SIZE} when {@code X} exists ({@code PR_SIZE} is a field, not a size). */
  private static boolean isSizeOfAnotherField(Class<?> layout, String name) {
    if (!name.endsWith("_SIZE")) {
      return false;
    }
    try {
      layout.getDeclaredField(name.substring(0, name.length() - "_SIZE".length()));
      return true;
    } catch (NoSuchFieldException e) {
      return false;
    }
  }

  private static void assertTiles(Class<?> layout, int total) throws Exception {
    int next = 0;
    for (Slot s : slots(layout)) {
      assertThat(s.offset()).as("offset of %s", s.name()).isEqualTo(next);
      next = s.offset() + s.size();
    }
    assertThat(next).as("end of %s", layout.getSimpleName()).isEqualTo(total);
  }

  @Test
  void psinfoTiles448Bytes() throws Exception {
    assertThat(PsinfoLayout.PSINFO_SIZE).isEqualTo(448);
    assertTiles(PsinfoLayout.class, PsinfoLayout.PSINFO_SIZE);
    assertThat(slots(PsinfoLayout.class)).hasSize(27);
  }

  @Test
  void lwpsinfoTiles120Bytes() throws Exception {
    assertThat(LwpsinfoLayout.LWPSINFO_SIZE).isEqualTo(120);
    assertTiles(LwpsinfoLayout.class, LwpsinfoLayout.LWPSINFO_SIZE);
    assertThat(PsinfoLayout.PR_LWP + LwpsinfoLayout.LWPSINFO_SIZE)
        .isEqualTo(PsinfoLayout.PSINFO_SIZE);
  }

  @Test
  void timestrucTiles16Bytes() throws Exception {
    assertTiles(TimestrucLayout.class, TimestrucLayout.TIMESTRUC_SIZE);
  }

  @Test
  void pstatusFieldsDoNotOverlapAndEndAt1520() throws Exception {
    assertThat(PstatusLayout.PSTATUS_SIZE).isEqualTo(1520);
    int end = 0;
    for (Slot s : slots(PstatusLayout.class)) {
      assertThat(s.offset()).as("offset of %s", s.name()).isGreaterThanOrEqualTo(end);
      end = s.offset() + s.size();
    }
    assertThat(end).isEqualTo(PstatusLayout.PSTATUS_SIZE);
  }
}
