package dev.psinfo.bench;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * An idle application for {@link AgentOverhead}: prints its live threads, then the process CPU time
 * spent over {@code args[0]} seconds of sleeping, then (when the agent registered its table) the
 * threads after one read of {@code Processes}. One {@code key=value} per line on stdout.
 */
public final class IdleMain {
  private IdleMain() {}

  public static void main(String[] args) throws Exception {
    long idleSeconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    Thread.sleep(2000); // let start-up JIT and class loading settle
    System.out.println("threadsAtStart=" + threads.getThreadCount());
    long cpu0 = os.getProcessCpuTime();
    Thread.sleep(idleSeconds * 1000);
    long cpu1 = os.getProcessCpuTime();
    System.out.println("idleCpuMillis=" + (cpu1 - cpu0) / 1_000_000.0);
    System.out.println("threadsAfterIdle=" + threads.getThreadCount());
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName table = new ObjectName("psinfo:type=ProcessTable");
    if (server.isRegistered(table)) {
      TabularData rows = (TabularData) server.getAttribute(table, "Processes");
      System.out.println("rowsRead=" + rows.size());
      System.out.println("threadsAfterRead=" + threads.getThreadCount());
      Thread.sleep(1000);
      System.out.println("threadsAfterReadPlus1s=" + threads.getThreadCount());
    }
  }
}
