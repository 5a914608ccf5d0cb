package dev.psinfo.bench;

import java.lang.instrument.Instrumentation;

/**
 * An agent that does nothing: the baseline of the start-up pair ({@code startup-pair.py}), so that
 * what is measured is psinfo-jmx's own cost, not the JVM's price for loading any agent.
 */
public final class EmptyAgent {
  private EmptyAgent() {}

  public static void premain(String args, Instrumentation inst) {
    // nothing
  }
}
