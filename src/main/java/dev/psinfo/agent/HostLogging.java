package dev.psinfo.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When registering at start-up is safe for the host's {@code java.util.logging}.
 *
 * <p>Registering creates the platform MBeanServer, which initialises {@code
 * java.util.logging.LogManager}; the JDK reads {@code java.util.logging.manager} exactly once,
 * then. A host that names its own manager after start-up (JBoss/WildFly: jboss-modules sets the
 * property in its {@code main} and loads the class from a module) would get the JDK's manager
 * instead, and break. The rules are those of the Datadog and OpenTelemetry Java agents: the host is
 * such a host when {@code JBOSS_HOME} is set, when its main class is jboss-modules', or when {@code
 * java.util.logging.manager} names a class that is not on the system class path. Then registration
 * waits until the JVM loads {@code java.util.logging.LogManager} (the host initialising its
 * logging: from then on the JDK's class-initialisation lock makes our use of it wait for, and see,
 * the host's manager), at most {@link #MAX_WAIT}. Any other host is registered at once.
 */
final class HostLogging {
  /** The longest registration waits for such a host's logging (then it registers anyway). */
  static final Duration MAX_WAIT = Duration.ofMinutes(2);

  private static final String LOG_MANAGER = "java.util.logging.LogManager";

  private HostLogging() {}

  /**
   * Why registering now could set up the host's logging before the host does, or null when it
   * cannot.
   *
   * @param inst null when the agent was loaded without instrumentation (then: null)
   */
  static String reasonToWait(Instrumentation inst) {
    if (inst == null || isLoaded(inst)) {
      return null;
    }
    String manager = System.getProperty("java.util.logging.manager");
    if (manager != null) {
      boolean onSystemClassPath =
          ClassLoader.getSystemResource(manager.replace('.', '/') + ".class") != null;
      return onSystemClassPath
          ? null
          : "java.util.logging.manager " + manager + " is not on the system class path";
    }
    if (System.getenv("JBOSS_HOME") != null) {
      return "JBOSS_HOME is set";
    }
    String command = System.getProperty("sun.java.command", "");
    String main = command.split(" ", 2)[0];
    if (main.equals("org.jboss.modules.Main") || main.endsWith("jboss-modules.jar")) {
      return "the host runs jboss-modules";
    }
    return null;
  }

  /**
   * Waits until {@code java.util.logging.LogManager} is loaded (by the host), at most {@code max}.
   *
   * @return true when it was loaded, false when {@code max} passed first
   */
  static boolean awaitLogManager(Instrumentation inst, Duration max) throws InterruptedException {
    CountDownLatch loaded = new CountDownLatch(1);
    String internalName = LOG_MANAGER.replace('.', '/');
    ClassFileTransformer watcher =
        new ClassFileTransformer() {
          @Override
          public byte[] transform(
              ClassLoader loader,
              String className,
              Class<?> redefined,
              ProtectionDomain domain,
              byte[] bytes) {
            if (internalName.equals(className)) {
              loaded.countDown();
            }
            return null; // never changes a class
          }
        };
    inst.addTransformer(watcher);
    try {
      return isLoaded(inst) || loaded.await(max.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      inst.removeTransformer(watcher);
    }
  }

  private static boolean isLoaded(Instrumentation inst) {
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getName().equals(LOG_MANAGER)) {
        return true;
      }
    }
    return false;
  }
}
