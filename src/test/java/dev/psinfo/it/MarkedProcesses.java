package dev.psinfo.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Small real processes whose command line carries a marker no other process has: {@code sh -c
 * 'sleep N; true' MARKER} (the {@code ; true} keeps the shell from exec-ing {@code sleep}, so the
 * shell process itself stays, with the marker as its {@code $0}). Killed on close.
 */
final class MarkedProcesses implements AutoCloseable {
  final String marker = "psinfo-mark-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Process> processes = new ArrayList<>();

  /** Starts {@code count} shells that live {@code seconds} unless closed first. */
  MarkedProcesses start(int count, int seconds) throws IOException {
    for (int i = 0; i < count; i++) {
      processes.add(
          Spawned.start(
              new ProcessBuilder("/bin/sh", "-c", "sleep " + seconds + "; true", marker)
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)));
    }
    return this;
  }

  List<Long> pids() {
    return processes.stream().map(Process::pid).toList();
  }

  List<Process> processes() {
    return List.copyOf(processes);
  }

  /**
   * Kills the {@code index}th shell together with its {@code sleep} and waits until both have gone.
   * Killing the shell alone would leave its {@code sleep} running with parent 1 for the rest of its
   * seconds (and {@link #close} could no longer find it).
   */
  void kill(int index) {
    Spawned.killTree(processes.get(index));
  }

  @Override
  public void close() {
    for (Process p : processes) {
      Spawned.killTree(p);
    }
  }
}
