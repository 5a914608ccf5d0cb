package dev.psinfo.agent;

import dev.psinfo.jmx.AgentStatus;
import dev.psinfo.jmx.CoverageMXBean;
import dev.psinfo.jmx.DescribedEmitterMBean;
import dev.psinfo.jmx.DescribedMBean;
import dev.psinfo.jmx.ProcessGroup;
import dev.psinfo.jmx.ProcessGroupMXBean;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.sampling.ProcessSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.weakref.jmx.MBeanExporter;

/**
 * The one owner of the agent's MBeans: registers all of them or none, and unregisters them.
 *
 * <ul>
 *   <li>{@code psinfo:type=SystemInfo} is an MXBean ({@link DescribedMBean} over its interface):
 *       its types are open types every JMX client and jmx_exporter read without our classes, and
 *       the interface is the public contract. So is {@code psinfo:type=Coverage}, what the table
 *       cannot see: a bean of its own (not attributes of the agent's) because it is a contract
 *       users alert on, its numbers go to Prometheus as {@code psinfo_coverage_*} from one object
 *       name, and an operator finds it next to the table in JConsole's tree.
 *   <li>{@code psinfo:type=ProcessTable} is an open MBean ({@link ProcessTable} is a {@code
 *       DynamicMBean}): an MXBean cannot return a flat {@code TabularData} indexed by pid, name and
 *       user, and would convert the whole table again on every read; this one builds a snapshot's
 *       open data once. Its contract is the row type ({@code ProcessRows}) and the operations.
 *   <li>{@code psinfo:type=Agent} is a jmxutils {@code @Managed} bean: the agent's own status, not
 *       a contract, so it is described where it is implemented, without an interface to keep in
 *       step.
 * </ul>
 *
 * Not thread-safe: {@link Installation} calls it under its lock.
 */
final class Registration {
  static final ObjectName PROCESS_TABLE = name("psinfo:type=ProcessTable");
  static final ObjectName SYSTEM_INFO = name("psinfo:type=SystemInfo");
  static final ObjectName AGENT = name("psinfo:type=Agent");
  static final ObjectName COVERAGE = name("psinfo:type=Coverage");

  /** The name of group {@code group}'s bean (group names need no quoting). */
  static ObjectName group(String group) {
    return name("psinfo:type=ProcessGroup,name=" + group);
  }

  private final MBeanServer server;
  private final List<ObjectName> registered;

  private Registration(MBeanServer server, List<ObjectName> registered) {
    this.server = server;
    this.registered = List.copyOf(registered);
  }

  /** True when some copy of the agent has registered its table in {@code server}. */
  static boolean isRegistered(MBeanServer server) {
    return server.isRegistered(PROCESS_TABLE);
  }

  /**
   * Registers the four beans and one {@code psinfo:type=ProcessGroup,name=NAME} per group in {@code
   * server}; on any failure unregisters what it did and rethrows. The beans that read {@code
   * sampler}'s snapshots answer each {@code getAttributes} from one snapshot.
   *
   * @throws javax.management.InstanceAlreadyExistsException when another copy of the agent (another
   *     class loader) registered first
   */
  static Registration register(
      MBeanServer server,
      ProcessSampler sampler,
      ProcessTable table,
      SystemInfoMXBean system,
      CoverageMXBean coverage,
      AgentStatus status,
      Map<String, ProcessGroup> groups)
      throws JMException {
    List<ObjectName> done = new ArrayList<>();
    try {
      server.registerMBean(table, PROCESS_TABLE);
      done.add(PROCESS_TABLE);
      server.registerMBean(
          new DescribedMBean<>(system, SystemInfoMXBean.class, sampler), SYSTEM_INFO);
      done.add(SYSTEM_INFO);
      server.registerMBean(new DescribedMBean<>(coverage, CoverageMXBean.class, sampler), COVERAGE);
      done.add(COVERAGE);
      server.registerMBean(agentBean(status), AGENT);
      done.add(AGENT);
      for (Map.Entry<String, ProcessGroup> g : groups.entrySet()) {
        ObjectName name = group(g.getKey());
        // only a group with expect.NAME can go down or up: the others send nothing, so they are
        // no emitters, and a JMX connector that subscribes to every emitter starts no poller there
        server.registerMBean(
            g.getValue().getExpected() > 0
                ? DescribedEmitterMBean.of(g.getValue(), sampler)
                : new DescribedMBean<>(g.getValue(), ProcessGroupMXBean.class, sampler),
            name);
        done.add(name);
      }
    } catch (JMException | RuntimeException e) {
      new Registration(server, done).unregister();
      throw e;
    }
    return new Registration(server, done);
  }

  /**
   * The Agent bean: jmxutils builds it from the {@code @Managed} annotations in a private server
   * (so nothing of jmxutils is visible in the platform server), {@link ActionImpact} gives {@code
   * applyOptions} the impact {@code ACTION}.
   */
  private static ActionImpact agentBean(AgentStatus status) throws JMException {
    MBeanServer inner = MBeanServerFactory.newMBeanServer();
    new MBeanExporter(inner).export(AGENT.toString(), status);
    return new ActionImpact(inner, AGENT, Set.of("applyOptions"));
  }

  /** Unregisters what {@link #register} registered; safe to call more than once. */
  void unregister() {
    for (ObjectName name : registered) {
      try {
        if (server.isRegistered(name)) {
          server.unregisterMBean(name);
        }
      } catch (JMException | RuntimeException e) {
        // shutting down: nothing more to do
      }
    }
  }

  private static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
