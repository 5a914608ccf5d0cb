package dev.psinfo.bench;

/** A main that exits at once: the JVM start-up cost with and without the agent. */
public final class TrivialMain {
  private TrivialMain() {}

  public static void main(String[] args) {
    // nothing: the JVM's start and exit are what is measured
  }
}
