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
 * MBeanServerConnection}: plain {@code getAttribute}/{@code invoke} calls by the declarations of
 * {@link TableAttribute} and {@link TableOperation}, rows turned into {@link ProcessSample}s by
 * {@link ProcessRows#sample}. The agent's {@link IllegalArgumentException}s arrive as themselves; a
 * connection failure is an {@link UncheckedIOException}. Not tied to this jar: the same few lines
 * work in any client (see docs/jmx-notes.md).
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
    TabularData table = read(TableAttribute.PROCESSES);
    List<ProcessSample> out = new ArrayList<>(table.size());
    for (Object row : table.values()) {
      out.add(ProcessRows.sample((CompositeData) row));
    }
    out.sort(Comparator.comparingLong(s -> s.info().pid()));
    return out;
  }

  @Override
  public <T> T read(TableAttribute<T> attribute) {
    return attribute.cast(attribute(attribute.name()));
  }

  /**
   * Invokes the operation with the signature its declaration gives ({@code int}, {@code long},
   * {@code java.lang.String}: what every earlier agent took) and turns rows into samples.
   */
  @Override
  public <R> R call(TableOperation<R> operation, Object... arguments) {
    Object[] checked = operation.arguments(arguments);
    Object answer = invoke(operation.name(), checked, operation.signature());
    @SuppressWarnings("unchecked") // the declaration says what the operation returns
    R typed =
        (R)
            switch (operation.returns()) {
              case ROWS -> rows(answer);
              case ROW -> ProcessRows.sample((CompositeData) answer);
              case STRING, INTEGER -> answer;
            };
    return typed;
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
