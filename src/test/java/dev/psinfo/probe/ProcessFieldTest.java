package dev.psinfo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one list of fields stays equal to the record it describes. */
class ProcessFieldTest {
  @Test
  void theFieldsAreTheRecordsComponentsInOrder() {
    RecordComponent[] components = ProcessInfo.class.getRecordComponents();
    assertThat(Arrays.stream(ProcessField.values()).map(ProcessField::itemName))
        .containsExactlyElementsOf(
            Arrays.stream(components).map(RecordComponent::getName).toList());
    for (int i = 0; i < components.length; i++) {
      assertThat(ProcessField.values()[i].type())
          .as(components[i].getName())
          .isEqualTo(components[i].getType());
    }
  }

  @Test
  void everyFieldHasADescriptionWithItsNotAvailableValue() {
    for (ProcessField f : ProcessField.values()) {
      assertThat(f.description()).as(f.itemName()).isNotBlank();
      Object na = f.notAvailable();
      if (f == ProcessField.PID || na instanceof Boolean || na instanceof ProcessState) {
        continue; // every row has a pid; a flag and the state have no "not available" of their own
      }
      assertThat(f.description())
          .as(f.itemName())
          .contains((na instanceof String s ? "\"" + s + "\"" : na) + ": not");
    }
  }

  @Test
  void aProcessComesBackFromItsFieldValues() {
    ProcessInfo p =
        ProcessInfo.builder(42)
            .set(ProcessField.PPID, 1)
            .set(ProcessField.USER, "alice")
            .set(ProcessField.NAME, "java")
            .set(ProcessField.ARGS, "java -jar app.jar")
            .set(ProcessField.STATE, ProcessState.RUNNING)
            .set(ProcessField.NICE, -1)
            .set(ProcessField.RSS_BYTES, 4096)
            .build();
    Object[] values = Arrays.stream(ProcessField.values()).map(f -> f.get(p)).toArray();
    assertThat(ProcessField.newProcessInfo(values)).isEqualTo(p);
    // "not available" defaults: -1, "" and, where -1 is legal, the signed sentinel
    ProcessInfo empty = ProcessInfo.builder(7).build();
    assertThat(empty.nice()).isEqualTo(Integer.MIN_VALUE);
    assertThat(empty.priority()).isEqualTo(Integer.MIN_VALUE);
    assertThat(empty.ppid()).isEqualTo(-1);
    assertThat(empty.wparId()).isEqualTo(-1);
    assertThat(empty.wpar()).isEmpty();
    values[ProcessField.RSS_BYTES.ordinal()] = "big";
    assertThatThrownBy(() -> ProcessField.newProcessInfo(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad field value");
    assertThatThrownBy(() -> ProcessField.newProcessInfo(1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(ProcessField.values().length + " field values expected, got 1");
  }
}
