package dev.psinfo.jmx;

import dev.psinfo.sampling.ProcessSample;
import java.util.List;

/**
 * Typed Java access to {@code psinfo:type=ProcessTable}: {@link ProcessTable} in the agent's JVM,
 * {@link ProcessTableClient} over any {@code MBeanServerConnection}. Each method is the attribute
 * or operation of the same name; a row is a {@link ProcessSample} (the open row's items are {@link
 * ProcessRows#ITEM_NAMES}). A bad argument gets an {@link IllegalArgumentException} saying what was
 * wrong.
 */
public interface ProcessTableOperations {
  /** The {@code Processes} attribute's rows, in ascending pid order. */
  List<ProcessSample> processes();

  /** The {@code ProcessCount} attribute. */
  int processCount();

  /** The {@code SnapshotTimeMillis} attribute. */
  long snapshotTimeMillis();

  List<ProcessSample> topByCpu(int n);

  List<ProcessSample> topByMemory(int n);

  ProcessSample process(long pid);

  List<ProcessSample> find(String regex);

  List<ProcessSample> byUser(String user);

  List<ProcessSample> children(long pid);

  /** The table as ps-like text, sorted by {@code cpu}, {@code rss} or {@code pid}; 0 rows: all. */
  String psText(String sortBy, int rows);

  int refresh();
}
