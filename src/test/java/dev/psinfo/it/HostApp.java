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
    if (System.getProperty("hostapp.ownLibraries") != null) {
      useOwnLibraries();
    }
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // keep running until the test closes our stdin
    }
    System.exit(exitCode);
  }

  /**
   * Uses the application's own slf4j and jmxutils (on its class path), as an application that ships
   * them would: prints where their classes came from and exports a bean of its own.
   */
  private static void useOwnLibraries() {
    try {
      Class<?> loggerFactory = Class.forName("org.slf4j.LoggerFactory");
      Object logger = loggerFactory.getMethod("getLogger", String.class).invoke(null, "hostapp");
      System.out.println("SLF4J_FROM " + source(loggerFactory));
      System.out.println("SLF4J_LOGGER " + logger.getClass().getName());
      Class<?> exporter = Class.forName("org.weakref.jmx.MBeanExporter");
      System.out.println("JMXUTILS_FROM " + source(exporter));
      Object e =
          exporter
              .getConstructor(javax.management.MBeanServer.class)
              .newInstance(java.lang.management.ManagementFactory.getPlatformMBeanServer());
      exporter
          .getMethod("export", String.class, Object.class)
          .invoke(e, "hostapp:type=Own", new OwnBean());
      System.out.println("OWN_BEAN exported");
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.out.println("OWN_LIBRARIES failed " + e);
    }
  }

  private static String source(Class<?> c) {
    return String.valueOf(c.getProtectionDomain().getCodeSource().getLocation());
  }

  /** A bean the application exports with its own jmxutils. */
  public static final class OwnBean {
    @org.weakref.jmx.Managed
    public int getAnswer() {
      return 42;
    }
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
