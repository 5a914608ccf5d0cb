package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.sampling.ProcessSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * Typed access to a remote (or local) {@code psinfo:type=ProcessTable} over any {@link
 * MBeanServerConnection}: plain {@code getAttribute}/{@code invoke} calls, rows turned into {@link
 * ProcessSample}s by {@link ProcessRows#sample}. The agent's {@link IllegalArgumentException}s
 * arrive as themselves; a connection failure is an {@link UncheckedIOException}. Not tied to this
 * jar: the same few lines work in any client (see docs/jmx-notes.md).
 */
public final class ProcessTableClient implements ProcessTableOperations {
  /** {@code psinfo:type=ProcessTable}. */
  public static final ObjectName NAME = name("psinfo:type=ProcessTable");

  private final MBeanServerConnection connection;

  public ProcessTableClient(MBeanServerConnection connection) {
    this.connection = requireNonNull(connection, "connection is null");
  }

  @Override
  public List<ProcessSample> processes() {
    TabularData table = (TabularData) attribute("Processes");
    List<ProcessSample> out = new ArrayList<>(table.size());
    for (Object row : table.values()) {
      out.add(ProcessRows.sample((CompositeData) row));
    }
    out.sort(Comparator.comparingLong(s -> s.info().pid()));
    return out;
  }

  @Override
  public int processCount() {
    return (Integer) attribute("ProcessCount");
  }

  @Override
  public long snapshotTimeMillis() {
    return (Long) attribute("SnapshotTimeMillis");
  }

  @Override
  public List<ProcessSample> topByCpu(int n) {
    return rows(invoke("topByCpu", n, "int"));
  }

  @Override
  public List<ProcessSample> topByMemory(int n) {
    return rows(invoke("topByMemory", n, "int"));
  }

  @Override
  public ProcessSample process(long pid) {
    return ProcessRows.sample((CompositeData) invoke("process", pid, "long"));
  }

  @Override
  public List<ProcessSample> find(String regex) {
    return rows(invoke("find", regex, String.class.getName()));
  }

  @Override
  public List<ProcessSample> byUser(String user) {
    return rows(invoke("byUser", user, String.class.getName()));
  }

  @Override
  public List<ProcessSample> children(long pid) {
    return rows(invoke("children", pid, "long"));
  }

  @Override
  public String psText(String sortBy, int rows) {
    return (String)
        invoke("psText", new Object[] {sortBy, rows}, new String[] {String.class.getName(), "int"});
  }

  @Override
  public int refresh() {
    try {
      return (Integer) connection.invoke(NAME, "refresh", new Object[0], new String[0]);
    } catch (RuntimeMBeanException e) {
      throw e.getTargetException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JMException e) {
      throw new IllegalStateException("refresh failed: " + e, e);
    }
  }

  private static List<ProcessSample> rows(Object array) {
    CompositeData[] rows = (CompositeData[]) array;
    List<ProcessSample> out = new ArrayList<>(rows.length);
    for (CompositeData row : rows) {
      out.add(ProcessRows.sample(row));
    }
    return out;
  }

  private Object attribute(String name) {
    try {
      return connection.getAttribute(NAME, name);
    } catch (RuntimeMBeanException e) {
      throw e.getTargetException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JMException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e, e);
    }
  }

  private Object invoke(String op, Object arg, String type) {
    return invoke(op, new Object[] {arg}, new String[] {type});
  }

  private Object invoke(String op, Object[] args, String[] types) {
    try {
      return connection.invoke(NAME, op, args, types);
    } catch (RuntimeMBeanException e) {
      throw e.getTargetException();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JMException e) {
      throw new IllegalStateException(op + " failed: " + e, e);
    }
  }

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
