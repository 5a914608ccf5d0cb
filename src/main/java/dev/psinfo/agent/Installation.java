package dev.psinfo.agent;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.host.Host;
import dev.psinfo.host.HostGroup;
import dev.psinfo.jfr.JfrEvents;
import dev.psinfo.jmx.AgentStatus;
import dev.psinfo.jmx.Coverage;
import dev.psinfo.jmx.ProcessGroup;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.jmx.SystemInfo;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.Platform;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.support.Log;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Wires the agent: the platform the options choose ({@link Platforms}), the one {@link Host} built
 * from it, the beans over that host and the Flight Recorder events; has {@link Registration}
 * register them in the platform MBeanServer once per JVM, and unregister them at JVM shutdown.
 * Thread-safe.
 */
final class Installation {
  private static final Log log = Log.of(Installation.class);
  private static Registration installed;
  private static LiveSettings live;

  /** Loads waiting for the registration thread, and whether one is running; guarded by PENDING. */
  private static final Deque<Pending> PENDING = new ArrayDeque<>();

  /** A load waiting for the registration thread. */
  private record Pending(AgentOptions options, Instrumentation inst) {}

  private static boolean draining;

  private Installation() {}

  /**
   * Installs the agent with {@code options} unless it is installed already; see {@link Agent}.
   *
   * @param inBackground register on a daemon thread (after {@code registerDelay}) and return at
   *     once
   */
  static boolean install(AgentOptions options, boolean inBackground) {
    return install(options, inBackground, null);
  }

  /**
   * @param inst the JVM's instrumentation at start-up ({@code premain}), to wait for a host's own
   *     {@code java.util.logging} under {@code registerDelay=auto} ({@link HostLogging}); null: no
   *     waiting
   */
  static boolean install(AgentOptions options, boolean inBackground, Instrumentation inst) {
    boolean auto = options.registerDelay().equals(AgentOptions.REGISTER_DELAY_AUTO);
    if (!inBackground && (auto || options.registerDelay().isZero())) {
      return installNow(options);
    }
    synchronized (PENDING) {
      PENDING.add(new Pending(options, inst));
      if (draining) {
        return true;
      }
      draining = true;
    }
    Thread t = new Thread(new Drain(), "psinfo-jmx-registration");
    t.setDaemon(true);
    t.start();
    return true;
  }

  /** The registration thread's work: a class, not a lambda, so that premain spins no lambda. */
  private static final class Drain implements Runnable {
    @Override
    public void run() {
      drain();
    }
  }

  /**
   * Installs the pending loads in the order the JVM made them (so that with two {@code -javaagent}
   * options the first one's options stay, as documented), then ends.
   */
  private static void drain() {
    while (true) {
      Pending next;
      synchronized (PENDING) {
        next = PENDING.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      AgentOptions options = next.options();
      try {
        if (options.registerDelay().equals(AgentOptions.REGISTER_DELAY_AUTO)) {
          String reason = HostLogging.reasonToWait(next.inst());
          if (reason != null) {
            log.info("psinfo-jmx waits for the host's java.util.logging to register ({})", reason);
            if (!HostLogging.awaitLogManager(next.inst(), HostLogging.MAX_WAIT)) {
              log.warn(
                  "the host did not set up java.util.logging within {} s; registering now",
                  HostLogging.MAX_WAIT.toSeconds());
            }
          }
        } else if (!options.registerDelay().isZero()) {
          Thread.sleep(options.registerDelay().toMillis());
        }
        installNow(options);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        synchronized (PENDING) {
          PENDING.clear();
          draining = false;
        }
        return;
      } catch (Throwable e) {
        System.err.println("psinfo-jmx: agent not started: " + Agent.describe(e));
      }
    }
  }

  private static synchronized boolean installNow(AgentOptions options) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    if (installed != null || Registration.isRegistered(server)) {
      log.info(
          "psinfo-jmx is already registered in this JVM; options ignored: {}", options.source());
      publish(server);
      return true;
    }
    Platform platform = Platforms.of(options);
    Host host = Host.of(platform, options);
    ProcessSampler sampler = host.sampler();
    ProcessTable table = new ProcessTable(sampler, host.table(), options.eventInterval());
    LiveSettings settings = new LiveSettings(host, table);
    AgentStatus status =
        new AgentStatus(version(), options.source(), System.currentTimeMillis(), sampler, settings);
    Map<String, ProcessGroup> groups = new LinkedHashMap<>();
    for (HostGroup g : host.groups().all()) {
      groups.put(g.name(), new ProcessGroup(g));
    }
    try {
      installed =
          Registration.register(
              server,
              sampler,
              table,
              SystemInfo.of(host.system()),
              Coverage.of(host.coverage()),
              status,
              groups);
      live = settings;
    } catch (InstanceAlreadyExistsException e) {
      // another copy of the agent (another class loader) won the race
      log.info("psinfo-jmx is already registered in this JVM by another copy of the agent");
      publish(server);
      return true;
    } catch (JMException | RuntimeException e) {
      System.err.println(
          "psinfo-jmx: agent not started: cannot register MBeans: " + Agent.describe(e));
      return false;
    }
    publish(server);
    // Flight Recorder events: registered when the recorder initializes; cost nothing until enabled
    boolean jfr = JfrEvents.install(host);
    Thread hook = new Thread(Installation::uninstall, "psinfo-jmx-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
    log.info(
        "psinfo-jmx {} registered {}, {}, {}, {} and {} group(s) (probe {}, procRoot {}, ttl {},"
            + " JFR events {})",
        version(),
        Registration.PROCESS_TABLE,
        Registration.SYSTEM_INFO,
        Registration.COVERAGE,
        Registration.AGENT,
        groups.size(),
        platform.name(),
        options.procRoot(),
        options.ttl(),
        jfr ? "available" : "unavailable");
    return true;
  }

  /**
   * When this copy of the agent is registered, applies the live options {@code agentArgs} gives
   * ({@link LiveSettings}), puts the one line that says what was applied and what needs a restart
   * in {@link AgentStatus#APPLIED_PROPERTY} for {@code attach}, and returns true; else false.
   *
   * @param agentArgs options that {@link dev.psinfo.config.OptionsParser#parse} accepted
   */
  static synchronized boolean applyLive(String agentArgs) {
    LiveSettings settings = live;
    if (installed == null || settings == null) {
      return false;
    }
    String line;
    try {
      line = settings.apply(agentArgs == null ? "" : agentArgs);
    } catch (IllegalArgumentException e) {
      line = "nothing applied: " + e.getMessage();
    }
    log.info("psinfo-jmx is already registered in this JVM; {}", line);
    try {
      System.setProperty(AgentStatus.APPLIED_PROPERTY, line);
    } catch (SecurityException e) {
      // attach then cannot print it; the Agent bean's LastOptionsChange has it
    }
    publish(ManagementFactory.getPlatformMBeanServer());
    return true;
  }

  /** Unregisters what this JVM's agent registered; safe to call more than once. */
  static synchronized void uninstall() {
    Registration r = installed;
    installed = null;
    live = null;
    if (r != null) {
      r.unregister();
      try {
        System.clearProperty(AgentStatus.REGISTERED_PROPERTY);
        System.clearProperty(AgentStatus.APPLIED_PROPERTY);
      } catch (SecurityException e) {
        // not allowed here: it was not set either
      }
    }
  }

  /**
   * Lists the registered {@code psinfo:*} names in {@link AgentStatus#REGISTERED_PROPERTY}, for
   * {@code attach}; a security manager that forbids it only costs {@code attach} its report.
   */
  private static void publish(MBeanServer server) {
    try {
      Set<String> names = new TreeSet<>();
      for (ObjectName n : server.queryNames(new ObjectName("psinfo:*"), null)) {
        names.add(n.toString());
      }
      System.setProperty(AgentStatus.REGISTERED_PROPERTY, String.join(" ", names));
    } catch (JMException | RuntimeException e) {
      log.debug("cannot publish the registered names: {}", e);
    }
  }

  /** The agent's version from the jar manifest; {@code dev} when run from classes. */
  static String version() {
    String v = Installation.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
