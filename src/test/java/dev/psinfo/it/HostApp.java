package dev.psinfo.it;

import java.io.IOException;

/**
 * A stand-in for someone's application, run as a child JVM by the integration tests. It prints
 * {@code READY <pid>} and what it can see of the agent's dependencies, then waits until its
 * standard input closes (so it never outlives the test) and exits with the code given as its first
 * argument (default 0).
 */
public final class HostApp {
  private HostApp() {}

  public static void main(String[] args) throws IOException {
    int exitCode = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    System.out.println("SLF4J " + visible("org.slf4j.LoggerFactory"));
    System.out.println("JMXUTILS " + visible("org.weakref.jmx.MBeanExporter"));
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // keep running until the test closes our stdin
    }
    System.exit(exitCode);
  }

  private static String visible(String className) {
    try {
      Class.forName(className, false, HostApp.class.getClassLoader());
      return "visible";
    } catch (ClassNotFoundException e) {
      return "absent";
    }
  }
}
