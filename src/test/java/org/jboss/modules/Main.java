package org.jboss.modules;

import java.util.logging.LogManager;

/**
 * Stands in for jboss-modules' main class (what WildFly runs) in {@code HostLoggingIT}: like it, it
 * names its own {@code java.util.logging} manager a while after start-up (300 ms, or the
 * milliseconds given as the first argument) and then initialises logging. Prints {@code LOGMANAGER
 * <class in effect>} and {@code READY <pid>}, then waits for its standard input to close.
 */
public final class Main {
  private Main() {}

  /** The host's own manager, as jboss-logmanager's would be. */
  public static final class HostLogManager extends LogManager {}

  public static void main(String[] args) throws Exception {
    Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) : 300);
    System.setProperty("java.util.logging.manager", HostLogManager.class.getName());
    System.out.println("LOGMANAGER " + LogManager.getLogManager().getClass().getName());
    System.out.println("READY " + ProcessHandle.current().pid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the test closes our stdin
    }
  }
}
