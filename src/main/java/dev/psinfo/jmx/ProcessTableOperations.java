package dev.psinfo.jmx;

import dev.psinfo.sampling.ProcessSample;
import java.util.List;

/**
 * Typed Java access to {@code psinfo:type=ProcessTable}: {@link ProcessTable} in the agent's JVM,
 * {@link ProcessTableClient} over any {@code MBeanServerConnection}. Every attribute is {@link
 * #read} by its declaration in {@link TableAttribute}, every operation {@link #call}ed by its
 * declaration in {@link TableOperation} (the typed methods below are shorthands for the attributes
 * and operations they name). A row is a {@link ProcessSample} (the open row's items are {@link
 * ProcessRows#ITEM_NAMES}). A bad argument gets an {@link IllegalArgumentException} saying what was
 * wrong.
 */
public interface ProcessTableOperations {
  /** The {@code Processes} attribute's rows, in ascending pid order. */
  List<ProcessSample> processes();

  /** The {@code ProcessCount} attribute. */
  default int processCount() {
    return read(TableAttribute.PROCESS_COUNT);
  }

  /** The {@code SnapshotTimeMillis} attribute. */
  default long snapshotTimeMillis() {
    return read(TableAttribute.SNAPSHOT_TIME_MILLIS);
  }

  /**
   * The value of {@code attribute}, as its open type's Java type.
   *
   * @param <T> a {@code TabularData}, an Integer or a Long, as the attribute declares
   */
  <T> T read(TableAttribute<T> attribute);

  /**
   * Calls {@code operation} with these arguments, one per parameter, of its parameters' types.
   *
   * @param <R> a list of rows, one row, a String or an Integer, as the operation declares
   * @throws IllegalArgumentException for a bad argument, or a wrong number of them
   */
  <R> R call(TableOperation<R> operation, Object... arguments);

  default List<ProcessSample> topByCpu(int n) {
    return call(TableOperation.TOP_BY_CPU, n);
  }

  default List<ProcessSample> topByMemory(int n) {
    return call(TableOperation.TOP_BY_MEMORY, n);
  }

  default ProcessSample process(long pid) {
    return call(TableOperation.PROCESS, pid);
  }

  default List<ProcessSample> find(String regex) {
    return call(TableOperation.FIND, regex);
  }

  default List<ProcessSample> byUser(String user) {
    return call(TableOperation.BY_USER, user);
  }

  default List<ProcessSample> children(long pid) {
    return call(TableOperation.CHILDREN, pid);
  }

  /** The table as ps-like text, sorted by {@code cpu}, {@code rss} or {@code pid}; 0 rows: all. */
  default String psText(String sortBy, int rows) {
    return call(TableOperation.PS_TEXT, sortBy, rows);
  }

  default int refresh() {
    return call(TableOperation.REFRESH);
  }
}
