package dev.psinfo.agent;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.support.Log;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry points. Both parse the options, then register the MBeans: {@code
 * premain} on a daemon thread (after {@code registerDelay}; by default, once a host that sets up
 * its own {@code java.util.logging} late has done so: {@link HostLogging}), so that the
 * application's start is not held up; {@code agentmain} before it returns. Nothing is scanned until
 * a client reads.
 *
 * <p>A guest in someone else's JVM: a healthy agent prints nothing (unless {@code log=info} or
 * {@code debug}); problems are one line each on stderr, control characters escaped. Bad options are
 * reported together in one line and the agent stays off; no {@link Throwable} escapes; the agent
 * never ends the JVM; no non-daemon thread is started. Loading the agent again into a JVM that has
 * it registers nothing twice; an attach ({@code agentmain}) then applies the options that change at
 * run time ({@link LiveSettings}) and says which need a restart.
 */
public final class Agent {
  private Agent() {}

  /** Called by the JVM for {@code -javaagent:psinfo-jmx-agent.jar[=OPTIONS]}. */
  public static void premain(String agentArgs, Instrumentation inst) {
    start(agentArgs, true, inst);
  }

  /** Called by the JVM for {@code -javaagent} when the two-argument form is absent. */
  public static void premain(String agentArgs) {
    start(agentArgs, true);
  }

  /** Called by the JVM when the agent is attached to a running JVM. */
  public static void agentmain(String agentArgs, Instrumentation inst) {
    start(agentArgs, false);
  }

  /** Called by the JVM for dynamic attach when the two-argument form is absent. */
  public static void agentmain(String agentArgs) {
    start(agentArgs, false);
  }

  /**
   * Parses {@code agentArgs} and installs the agent. Never throws. The options are checked at once,
   * so a bad one is reported before the application starts; registration, which creates the
   * platform MBeanServer (the bulk of the agent's start-up cost, ~0.1–0.2 s), runs on a daemon
   * thread when {@code inBackground}, so that {@code premain} does not hold up the application. An
   * attach ({@code agentmain}) registers before returning, so the caller can see the result.
   *
   * @param inBackground register on a daemon thread instead of before returning
   * @return true when the agent is installed or being installed, false when it stayed off
   */
  public static boolean start(String agentArgs, boolean inBackground) {
    return start(agentArgs, inBackground, null);
  }

  /**
   * @param inst the JVM's instrumentation at start-up, so that {@code registerDelay=auto} can wait
   *     for a host that sets up its own {@code java.util.logging} late; null: register at once
   */
  static boolean start(String agentArgs, boolean inBackground, Instrumentation inst) {
    try {
      AgentOptions options;
      try {
        options = OptionsParser.parse(agentArgs);
      } catch (OptionsException e) {
        System.err.println("psinfo-jmx: agent not started: " + Log.printable(e.getMessage()));
        return false;
      }
      // an attach into a JVM whose agent is registered: the options that change at run time
      if (!inBackground && Installation.applyLive(agentArgs)) {
        return true;
      }
      Log.setLevel(Log.Level.valueOf(options.log().name()));
      return Installation.install(options, inBackground, inst);
    } catch (Throwable t) {
      // the host application must run on whatever happens here
      System.err.println("psinfo-jmx: agent not started: " + describe(t));
      return false;
    }
  }

  /**
   * One line that says what went wrong: the throwable's type and message and, when it wraps another
   * (an {@link ExceptionInInitializerError} has no message of its own), the innermost cause's.
   */
  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder(t.getClass().getName());
    if (t.getMessage() != null) {
      b.append(": ").append(t.getMessage());
    }
    Throwable root = t;
    for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    if (root != t) {
      b.append(" (cause: ").append(root.getClass().getName());
      if (root.getMessage() != null) {
        b.append(": ").append(root.getMessage());
      }
      b.append(')');
    }
    return Log.printable(b.toString());
  }
}
