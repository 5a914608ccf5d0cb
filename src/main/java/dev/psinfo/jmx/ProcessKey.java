package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

/**
 * The index of a row of the {@code Processes} table. jmx_exporter turns index items into labels
 * ({@code key_pid}, {@code key_name}, {@code key_user}), so these are what a dashboard groups by.
 *
 * @param pid process id
 * @param name executable name
 * @param user effective user's name (or uid in decimal)
 */
public record ProcessKey(long pid, String name, String user) implements Comparable<ProcessKey> {
  public ProcessKey {
    requireNonNull(name, "name is null");
    requireNonNull(user, "user is null");
  }

  @Override
  public int compareTo(ProcessKey o) {
    return Long.compare(pid, o.pid);
  }
}
