package dev.psinfo.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.HostCoverage;
import dev.psinfo.host.HostSystem;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.probe.SystemFacts;
import dev.psinfo.probe.SystemLoad;
import dev.psinfo.probe.SystemProbe;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanInfo;
import org.junit.jupiter.api.Test;

/**
 * The beans whose getters are answered by the host's attribute declarations: they keep their class
 * name for clients, and an interface that does not match its declarations one to one, name and
 * type, is refused when the bean is made.
 */
public class AttributeBeanTest {
  static final SystemProbe PROBE =
      new SystemProbe() {
        @Override
        public String name() {
          return "fake";
        }

        @Override
        public SystemFacts facts() {
          return SystemFacts.UNKNOWN;
        }

        @Override
        public SystemLoad load() {
          return SystemLoad.UNKNOWN;
        }
      };

  @Test
  void theBeansNameTheirClassNotTheProxys() {
    SystemInfoMXBean system =
        SystemInfo.of(new HostSystem(PROBE, () -> null, Duration.ZERO, System::nanoTime));
    MBeanInfo info = new DescribedMBean<>(system, SystemInfoMXBean.class).getMBeanInfo();
    assertThat(info.getClassName()).isEqualTo("dev.psinfo.jmx.SystemInfo");
    CoverageMXBean coverage = Coverage.of(new HostCoverage(() -> null, 1, false));
    assertThat(new DescribedMBean<>(coverage, CoverageMXBean.class).getMBeanInfo().getClassName())
        .isEqualTo("dev.psinfo.jmx.Coverage");
    assertThat(system.toString()).isEqualTo("dev.psinfo.jmx.SystemInfo");
    assertThat(system).isEqualTo(system).isNotEqualTo(coverage);
    assertThat(system.getPlatform()).isEqualTo(Map.of("probe", "fake"));
    assertThat(coverage.getCoverageSummary()).isEqualTo("unknown: no scan yet");
  }

  /** A getter whose attribute is not declared. */
  public interface Extra {
    String getHostname();

    long getNoSuchThing();
  }

  /** A declared attribute whose getter returns another type. */
  public interface WrongType {
    long getHostname();
  }

  /** Getters for only some of the declared attributes. */
  public interface Fewer {
    String getHostname();
  }

  @Test
  void aGetterWithoutItsAttributeIsRefused() {
    assertThatThrownBy(() -> AttributeBean.of(Extra.class, SystemAttribute.class, "x", a -> ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Extra.getNoSuchThing has no SystemAttribute");
  }

  @Test
  void aGetterOfAnotherTypeIsRefused() {
    assertThatThrownBy(() -> AttributeBean.of(WrongType.class, SystemAttribute.class, "x", a -> ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("WrongType.getHostname returns long but SystemAttribute.HOSTNAME is a String");
  }

  @Test
  void anAttributeWithoutItsGetterIsRefused() {
    assertThatThrownBy(() -> AttributeBean.of(Fewer.class, CoverageAttribute.class, "x", a -> ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Fewer.getHostname has no CoverageAttribute");
    assertThatThrownBy(() -> AttributeBean.of(Fewer.class, SystemAttribute.class, "x", a -> ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Fewer has no getter for SystemAttribute[OS_NAME, ");
  }
}
