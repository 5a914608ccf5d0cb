package dev.psinfo.agent;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry points. Both parse the options, then register the MBeans (at once,
 * or after {@code registerDelay} on a daemon thread). Nothing is scanned until a client reads.
 *
 * <p>A guest in someone else's JVM: a bad option is reported on stderr in one line and the agent
 * stays off; no {@link Throwable} escapes; {@code System.exit} is never called; no non-daemon
 * thread is started. Loading the agent again into a JVM that has it registers nothing twice.
 */
public final class Agent {
  private Agent() {}

  /** Called by the JVM for {@code -javaagent:psinfo-jmx-agent.jar[=OPTIONS]}. */
  public static void premain(String agentArgs, Instrumentation inst) {
    start(agentArgs);
  }

  /** Called by the JVM for {@code -javaagent} when the two-argument form is absent. */
  public static void premain(String agentArgs) {
    start(agentArgs);
  }

  /** Called by the JVM when the agent is attached to a running JVM. */
  public static void agentmain(String agentArgs, Instrumentation inst) {
    start(agentArgs);
  }

  /** Called by the JVM for dynamic attach when the two-argument form is absent. */
  public static void agentmain(String agentArgs) {
    start(agentArgs);
  }

  /**
   * Parses {@code agentArgs} and installs the agent. Never throws.
   *
   * @return true when the agent is installed (now or already), false when it stayed off
   */
  public static boolean start(String agentArgs) {
    try {
      AgentOptions options;
      try {
        options = OptionsParser.parse(agentArgs);
      } catch (OptionsException e) {
        System.err.println("psinfo-jmx: agent not started: " + e.getMessage());
        return false;
      }
      return Installation.install(options);
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
    return b.toString().replace('\n', ' ').replace('\r', ' ');
  }
}
