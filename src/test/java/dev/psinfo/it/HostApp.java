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
    if (flag("hostapp.ownLibraries")) {
      useOwnLibraries();
    }
    if (watchUnregister()) {
      Runtime.getRuntime().addShutdownHook(new Thread(HostApp::reportMBeansAtExit));
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

  private static boolean watchUnregister() {
    return flag("psinfo.it.watchUnregister");
  }

  /** A boolean system property; false when unset or when a security manager hides it. */
  private static boolean flag(String name) {
    try {
      return Boolean.getBoolean(name);
    } catch (SecurityException e) {
      return false;
    }
  }

  /**
   * A shutdown hook (with {@code -Dpsinfo.it.watchUnregister=true}): waits up to 10 s for the
   * agent's own hook to unregister its MBeans, then prints {@code PSINFO MBEANS AT EXIT <count>}.
   */
  private static void reportMBeansAtExit() {
    try {
      javax.management.MBeanServer server =
          java.lang.management.ManagementFactory.getPlatformMBeanServer();
      javax.management.ObjectName all = new javax.management.ObjectName("psinfo:*");
      int count = server.queryNames(all, null).size();
      for (int i = 0; i < 500 && count > 0; i++) {
        Thread.sleep(20);
        count = server.queryNames(all, null).size();
      }
      System.out.println("PSINFO MBEANS AT EXIT " + count);
      System.out.flush();
    } catch (Exception e) {
      System.out.println("PSINFO MBEANS AT EXIT error " + e);
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
