package dev.psinfo.jfr;

import dev.psinfo.host.Host;

/**
 * The agent's Flight Recorder events: {@code psinfo.HostProcesses} (periodic, disabled by default)
 * and {@code psinfo.Process} (the top processes by recent CPU, committed with it). Enable them with
 * {@code -XX:StartFlightRecording:+psinfo.HostProcesses#enabled=true} or a {@code .jfc} file (see
 * {@code jfr/psinfo.jfc}).
 *
 * <p>This class names no {@code jdk.jfr} type, so it loads on a runtime without the {@code jdk.jfr}
 * module; {@link #install} then does nothing.
 */
public final class JfrEvents {
  private JfrEvents() {}

  /**
   * Makes the events available to recordings: registers them with Flight Recorder as soon as it
   * initializes (at once if it has); nothing is scanned unless a recording enables them, and then
   * {@code host}'s snapshot and system readings are what they record. Never throws.
   *
   * @return true when the events are (or will be) registered; false when this runtime has no {@code
   *     jdk.jfr} or Flight Recorder refused
   */
  public static boolean install(Host host) {
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
      return false;
    }
    try {
      new JfrHook(host).listen();
      return true;
    } catch (LinkageError | RuntimeException e) {
      // e.g. a security manager that denies Flight Recorder: the agent works on without it
      return false;
    }
  }
}
