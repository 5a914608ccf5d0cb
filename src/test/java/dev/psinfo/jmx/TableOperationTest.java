package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The declarations the bean, its dispatch and the client are derived from. */
class TableOperationTest {
  /**
   * The signatures {@link ProcessTableClient} sends are the ones it sent before the operations were
   * declared once (an agent that dispatches by signature, as an MXBean does, still answers).
   */
  @Test
  void theClientSendsTheSignaturesItAlwaysSent() {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    for (TableOperation<?> op : TableOperation.ALL) {
      sent.put(op.name(), List.of(op.signature()));
    }
    assertThat(sent)
        .containsEntry("topByCpu", List.of("int"))
        .containsEntry("topByMemory", List.of("int"))
        .containsEntry("process", List.of("long"))
        .containsEntry("find", List.of("java.lang.String"))
        .containsEntry("byUser", List.of("java.lang.String"))
        .containsEntry("children", List.of("long"))
        .containsEntry("ancestors", List.of("long"))
        .containsEntry("psText", List.of("java.lang.String", "int"))
        .containsEntry("refresh", List.of());
  }

  @Test
  void eachOperationIsDeclaredOnceAndFoundByNameAndArity() {
    assertThat(TableOperation.ALL).extracting(TableOperation::name).doesNotHaveDuplicates();
    for (TableOperation<?> op : TableOperation.ALL) {
      assertThat(TableOperation.find(op.name(), op.arity())).isSameAs(op);
      assertThat(TableOperation.find(op.name(), op.arity() + 1)).isNull();
    }
    assertThat(TableOperation.find("nope", 0)).isNull();
  }

  @Test
  void argumentsAreCheckedAgainstTheParameters() {
    assertThat(TableOperation.PROCESS.arguments(new Object[] {7})).containsExactly(7L);
    assertThat(TableOperation.FIND.arguments(new Object[] {null})).containsExactly((Object) null);
    assertThatThrownBy(() -> TableOperation.TOP_BY_CPU.arguments(new Object[] {"x"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be an int: x");
    assertThatThrownBy(() -> TableOperation.TOP_BY_CPU.arguments(new Object[] {3L}))
        .hasMessage("n must be an int: 3");
    assertThatThrownBy(() -> TableOperation.PROCESS.arguments(new Object[] {"7"}))
        .hasMessage("pid must be a long: 7");
    assertThatThrownBy(() -> TableOperation.BY_USER.arguments(new Object[] {42}))
        .hasMessage("user must be a String: 42");
    assertThatThrownBy(() -> TableOperation.PS_TEXT.arguments(new Object[] {"cpu"}))
        .hasMessage("psText takes 2 argument(s), not 1");
    assertThat(TableOperation.REFRESH.arguments(null)).isEmpty();
  }
}
