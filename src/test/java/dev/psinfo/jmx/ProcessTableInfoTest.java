package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.config.ExportOrder;
import dev.psinfo.sampling.FakeProbe;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import javax.management.Descriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenMBeanInfo;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.OpenMBeanParameterInfo;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.TabularType;
import org.junit.jupiter.api.Test;

/**
 * The wire contract of {@code psinfo:type=ProcessTable}'s MBeanInfo, pinned: every attribute,
 * operation, parameter and notification with its name, Java and open type, description, impact and
 * descriptor, in order, against {@code testdata/jmx/process-table-mbeaninfo.txt} (captured from the
 * hand-built MBeanInfo before the operations were declared once). A change to the contract changes
 * that file in the same commit, on purpose; the actual dump of a failed run is left in {@code
 * target/process-table-mbeaninfo.actual.txt}. The row types are named, not expanded: their items
 * are {@code probe.ProcessField}'s and pinned by {@code ProcessRowDocsTest}.
 */
class ProcessTableInfoTest {
  private static final Path EXPECTED =
      Path.of(System.getProperty("psinfo.testdata", "testdata"), "jmx/process-table-mbeaninfo.txt");

  private static ProcessTable table() {
    ProcessSampler sampler =
        new ProcessSampler(
            new FakeProbe().then(0, List.of()),
            ProcessFilter.ALL,
            null,
            Duration.ofSeconds(30),
            System::nanoTime);
    return new ProcessTable(sampler, 0, ExportOrder.CPU);
  }

  @Test
  void mbeanInfoIsTheOnePinned() throws IOException {
    String actual = dump(table().getMBeanInfo());
    String expected = Files.readString(EXPECTED, StandardCharsets.UTF_8);
    if (!actual.equals(expected)) {
      Path out = Path.of("target/process-table-mbeaninfo.actual.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("MBeanInfo against %s", EXPECTED).isEqualTo(expected);
  }

  @Test
  void theInfoTravelsAsItIs() throws Exception {
    MBeanInfo info = table().getMBeanInfo();
    assertThat(info).isInstanceOf(OpenMBeanInfo.class);
    MBeanInfo copy = serialisedAndBack(info);
    assertThat(dump(copy)).isEqualTo(dump(info));
    assertThat(copy).isEqualTo(info);
  }

  private static MBeanInfo serialisedAndBack(MBeanInfo info) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(info);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (MBeanInfo) in.readObject();
    }
  }

  /** Everything a client sees of {@code info}, one fact a line, in the order the bean gives. */
  static String dump(MBeanInfo info) {
    StringBuilder out = new StringBuilder();
    out.append("class ").append(info.getClassName()).append('\n');
    out.append("  info class ").append(info.getClass().getName()).append('\n');
    out.append("  description ").append(info.getDescription()).append('\n');
    descriptor(out, "  ", info.getDescriptor());
    out.append("constructors ").append(info.getConstructors().length).append('\n');
    for (MBeanAttributeInfo a : info.getAttributes()) {
      out.append("attribute ").append(a.getName()).append('\n');
      out.append("  info class ").append(a.getClass().getName()).append('\n');
      out.append("  type ").append(a.getType()).append('\n');
      out.append("  readable ").append(a.isReadable());
      out.append(" writable ").append(a.isWritable());
      out.append(" is ").append(a.isIs()).append('\n');
      out.append("  description ").append(a.getDescription()).append('\n');
      descriptor(out, "  ", a.getDescriptor());
    }
    for (MBeanOperationInfo o : info.getOperations()) {
      out.append("operation ").append(o.getName()).append('\n');
      out.append("  info class ").append(o.getClass().getName()).append('\n');
      out.append("  returns ").append(o.getReturnType());
      if (o instanceof OpenMBeanOperationInfo open) {
        out.append(" open ").append(name(open.getReturnOpenType()));
      }
      out.append('\n');
      out.append("  impact ").append(o.getImpact()).append('\n');
      out.append("  description ").append(o.getDescription()).append('\n');
      descriptor(out, "  ", o.getDescriptor());
      for (MBeanParameterInfo p : o.getSignature()) {
        out.append("  parameter ").append(p.getName()).append('\n');
        out.append("    info class ").append(p.getClass().getName()).append('\n');
        out.append("    type ").append(p.getType());
        if (p instanceof OpenMBeanParameterInfo open) {
          out.append(" open ").append(name(open.getOpenType()));
        }
        out.append('\n');
        out.append("    description ").append(p.getDescription()).append('\n');
        descriptor(out, "    ", p.getDescriptor());
      }
    }
    for (MBeanNotificationInfo n : info.getNotifications()) {
      out.append("notification ").append(n.getName()).append('\n');
      out.append("  types ").append(Arrays.toString(n.getNotifTypes())).append('\n');
      out.append("  description ").append(n.getDescription()).append('\n');
      descriptor(out, "  ", n.getDescriptor());
    }
    return out.toString();
  }

  private static void descriptor(StringBuilder out, String indent, Descriptor d) {
    TreeMap<String, Object> fields = new TreeMap<>();
    for (String f : d.getFieldNames()) {
      fields.put(f, d.getFieldValue(f));
    }
    fields.forEach(
        (k, v) ->
            out.append(indent)
                .append("descriptor ")
                .append(k)
                .append('=')
                .append(v instanceof OpenType<?> t ? name(t) : String.valueOf(v))
                .append('\n'));
  }

  /** An open type by its kind and name (a row type's items are pinned elsewhere). */
  private static String name(OpenType<?> t) {
    if (t instanceof ArrayType<?> a) {
      return "array(" + a.getDimension() + ") of " + name(a.getElementOpenType());
    }
    if (t instanceof TabularType tt) {
      return "table "
          + tt.getTypeName()
          + " of "
          + name(tt.getRowType())
          + " by "
          + tt.getIndexNames();
    }
    if (t instanceof CompositeType c) {
      return "row " + c.getTypeName();
    }
    return t.getTypeName();
  }
}
