package dev.psinfo.agent;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.jmx.AgentStatus;
import dev.psinfo.jmx.DescribedMBean;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.jmx.ProcessTableMXBean;
import dev.psinfo.jmx.SystemInfo;
import dev.psinfo.jmx.SystemInfoMXBean;
import dev.psinfo.sampling.ProcessSampler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.weakref.jmx.MBeanExporter;

/**
 * Wires the agent: the probe the options choose, the sampler, the beans; registers them in the
 * platform MBeanServer once per JVM, and unregisters them at JVM shutdown. Thread-safe.
 */
final class Installation {
  static final String PROCESS_TABLE = "psinfo:type=ProcessTable";
  static final String SYSTEM_INFO = "psinfo:type=SystemInfo";
  static final String AGENT = "psinfo:type=Agent";

  private static final Logger log = LoggerFactory.getLogger(Installation.class);
  private static Installation installed;

  private final MBeanServer server;
  private final List<ObjectName> registered;

  private Installation(MBeanServer server, List<ObjectName> registered) {
    this.server = server;
    this.registered = registered;
  }

  /**
   * Installs the agent with {@code options} unless it is installed already; see {@link Agent}.
   *
   * @param inBackground register on a daemon thread (after {@code registerDelay}) and return at
   *     once
   */
  static boolean install(AgentOptions options, boolean inBackground) {
    if (!inBackground && options.registerDelay().isZero()) {
      return installNow(options);
    }
    Thread t =
        new Thread(
            () -> {
              try {
                if (!options.registerDelay().isZero()) {
                  Thread.sleep(options.registerDelay().toMillis());
                }
                installNow(options);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Throwable e) {
                System.err.println("psinfo-jmx: agent not started: " + e);
              }
            },
            "psinfo-jmx-registration");
    t.setDaemon(true);
    t.start();
    return true;
  }

  private static synchronized boolean installNow(AgentOptions options) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    if (installed != null || isRegistered(server, PROCESS_TABLE)) {
      log.info(
          "psinfo-jmx is already registered in this JVM; options ignored: {}", options.source());
      return true;
    }
    ProcessSampler sampler = Probes.sampler(options);
    ProcessTable table = new ProcessTable(sampler, options.maxRows(), options.exportTop());
    AgentStatus status =
        new AgentStatus(version(), options.source(), System.currentTimeMillis(), sampler);
    List<ObjectName> done = new ArrayList<>();
    try {
      ObjectName tableName = new ObjectName(PROCESS_TABLE);
      server.registerMBean(new DescribedMBean<>(table, ProcessTableMXBean.class), tableName);
      done.add(tableName);
      ObjectName systemName = new ObjectName(SYSTEM_INFO);
      SystemInfo system =
          new SystemInfo(
              Probes.systemProbe(options, sampler), () -> sampler.snapshot().scan(), options.ttl());
      server.registerMBean(new DescribedMBean<>(system, SystemInfoMXBean.class), systemName);
      done.add(systemName);
      new MBeanExporter(server).export(AGENT, status);
      done.add(new ObjectName(AGENT));
    } catch (InstanceAlreadyExistsException e) {
      // another copy of the agent (another class loader) won the race
      unregister(server, done);
      log.info("psinfo-jmx is already registered in this JVM by another copy of the agent");
      return true;
    } catch (JMException | RuntimeException e) {
      unregister(server, done);
      System.err.println("psinfo-jmx: agent not started: cannot register MBeans: " + e);
      return false;
    }
    installed = new Installation(server, List.copyOf(done));
    Thread hook = new Thread(Installation::uninstall, "psinfo-jmx-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
    log.info(
        "psinfo-jmx {} registered {}, {} and {} (probe {}, procRoot {}, ttl {})",
        version(),
        PROCESS_TABLE,
        SYSTEM_INFO,
        AGENT,
        sampler.probeName(),
        options.procRoot(),
        options.ttl());
    return true;
  }

  /** Unregisters what this JVM's agent registered; safe to call more than once. */
  static synchronized void uninstall() {
    Installation i = installed;
    if (i == null) {
      return;
    }
    installed = null;
    unregister(i.server, i.registered);
  }

  private static void unregister(MBeanServer server, List<ObjectName> names) {
    for (ObjectName name : names) {
      try {
        if (server.isRegistered(name)) {
          server.unregisterMBean(name);
        }
      } catch (JMException | RuntimeException e) {
        // shutting down: nothing more to do
      }
    }
  }

  private static boolean isRegistered(MBeanServer server, String name) {
    try {
      return server.isRegistered(new ObjectName(name));
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The agent's version from the jar manifest; {@code dev} when run from classes. */
  static String version() {
    String v = Installation.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
