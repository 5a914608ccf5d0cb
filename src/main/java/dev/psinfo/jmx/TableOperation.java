package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.ProcessQueries;
import dev.psinfo.sampling.ProcessSample;
import java.util.List;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanOperationInfo;
import javax.management.openmbean.OpenMBeanOperationInfo;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfo;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * One operation of {@code psinfo:type=ProcessTable}, declared once: its name, parameters (name,
 * Java type, description), description, impact, what it returns and the handler that answers it.
 * Everything else is derived from the declarations in {@link #ALL}: the bean's {@code MBeanInfo}
 * operations ({@link #info}), its {@code invoke} dispatch with the arguments' checks ({@link
 * #arguments}) and the calls of {@link ProcessTableClient} (the parameters' Java types are the
 * signature it sends, {@code int}, {@code long}, {@code java.lang.String}, as the JMX clients of
 * every earlier agent did). A new operation is one more constant here, added to {@link #ALL}, and
 * its tests; {@link ProcessTableOperations#call} reaches it from Java.
 *
 * @param <R> what the handler answers in Java: a list of rows, one row, a String or an Integer
 */
public final class TableOperation<R> {
  /** What an operation returns: its open type on the wire and its Java type. */
  enum Returns {
    /** {@code CompositeData[]} of {@link ProcessRows#ROW_TYPE}; in Java a list of samples. */
    ROWS(ProcessRows.ROW_ARRAY_TYPE),
    /** One {@code CompositeData} of {@link ProcessRows#ROW_TYPE}; in Java a sample. */
    ROW(ProcessRows.ROW_TYPE),
    STRING(SimpleType.STRING),
    INTEGER(SimpleType.INTEGER);

    final OpenType<?> openType;

    Returns(OpenType<?> openType) {
      this.openType = openType;
    }
  }

  /**
   * One parameter.
   *
   * @param type {@code int.class}, {@code long.class} or {@code String.class}
   */
  record Parameter(String name, Class<?> type, String description) {
    Parameter {
      requireNonNull(name, "name is null");
      requireNonNull(description, "description is null");
      if (type != int.class && type != long.class && type != String.class) {
        throw new IllegalArgumentException("no open type for a parameter of " + type);
      }
    }

    OpenType<?> openType() {
      return ProcessRows.openType(type);
    }

    /** The argument as this parameter's Java type, or a clear error. */
    Object check(Object v) {
      if (type == int.class) {
        if (v instanceof Integer) {
          return v;
        }
        throw new IllegalArgumentException(name + " must be an int: " + v);
      }
      if (type == long.class) {
        if (v instanceof Long) {
          return v;
        }
        if (v instanceof Integer i) {
          return i.longValue();
        }
        throw new IllegalArgumentException(name + " must be a long: " + v);
      }
      if (v == null || v instanceof String) {
        return v;
      }
      throw new IllegalArgumentException(name + " must be a String: " + v);
    }
  }

  /** What a handler may use: the queries of the snapshot being served, and a new scan. */
  interface Table {
    /** The queries of the snapshot being served (taken on the first call). */
    ProcessQueries queries();

    /** Scans now (see {@code refresh}); returns the processes the filters show. */
    int refresh();
  }

  /** Answers one call; the arguments are checked already, one per parameter, in order. */
  @FunctionalInterface
  interface Handler<R> {
    R answer(Table table, Object[] args);
  }

  private static final String REGEX =
      "an RE2 pattern (Java syntax without backreferences or lookaround), at most 4096 characters,"
          + " e.g. java|sshd";

  // in the order the MXBean version had, which JConsole users (and its pictures) know

  public static final TableOperation<List<ProcessSample>> FIND =
      rows(
          "find",
          "Processes whose name or arguments contain a match for the regular expression",
          (t, a) -> t.queries().find((String) a[0]),
          new Parameter("regex", String.class, REGEX));

  public static final TableOperation<ProcessSample> PROCESS =
      new TableOperation<>(
          "process",
          "The process with this pid; fails when it is not in the current snapshot",
          MBeanOperationInfo.INFO,
          Returns.ROW,
          (t, a) -> t.queries().process((Long) a[0]),
          new Parameter("pid", long.class, "process id"));

  public static final TableOperation<List<ProcessSample>> CHILDREN =
      rows(
          "children",
          "Every descendant of the process (children, grandchildren, ...), by pid",
          (t, a) -> t.queries().children((Long) a[0]),
          new Parameter("pid", long.class, "the ancestor's process id"));

  public static final TableOperation<List<ProcessSample>> ANCESTORS =
      rows(
          "ancestors",
          "The process's ancestors, its parent first, up to the root of its tree (init), by the"
              + " parent pids of one scan; a parent that started after its child (its pid was"
              + " reused) or a pid seen already ends the chain",
          (t, a) -> t.queries().ancestors((Long) a[0]),
          new Parameter("pid", long.class, "the descendant's process id"));

  public static final TableOperation<List<ProcessSample>> TOP_BY_CPU =
      rows(
          "topByCpu",
          "The n processes with the highest recent CPU use (cpuPercent: percent of one CPU since"
              + " the previous scan), highest first",
          (t, a) -> t.queries().topByCpu((Integer) a[0]),
          new Parameter("n", int.class, "how many rows, 1 or more"));

  public static final TableOperation<List<ProcessSample>> TOP_BY_MEMORY =
      rows(
          "topByMemory",
          "The n processes with the largest resident set (rssBytes), largest first",
          (t, a) -> t.queries().topByMemory((Integer) a[0]),
          new Parameter("n", int.class, "how many rows, 1 or more"));

  public static final TableOperation<List<ProcessSample>> BY_USER =
      rows(
          "byUser",
          "Processes whose effective user has this name (or this numeric uid)",
          (t, a) -> t.queries().byUser((String) a[0]),
          new Parameter("user", String.class, "a user name or a numeric uid"));

  public static final TableOperation<String> PS_TEXT =
      new TableOperation<>(
          "psText",
          "The table as ps-like text (PID PPID USER %CPU RSS VSZ THR NI S START TIME COMMAND, one"
              + " line per process, sizes in K/M/G, START in the agent host's time zone), for"
              + " jmxterm and scripts; maxRows still applies",
          MBeanOperationInfo.INFO,
          Returns.STRING,
          (t, a) -> t.queries().psText((String) a[0], (Integer) a[1]),
          new Parameter("sortBy", String.class, "cpu, rss (or memory) or pid"),
          new Parameter("rows", int.class, "at most this many processes; 0 for all"));

  public static final TableOperation<Integer> REFRESH =
      new TableOperation<>(
          "refresh",
          "Scans the process table now instead of waiting for the ttl (at most once a second, or"
              + " once per ttl if shorter; concurrent calls share one scan); returns ProcessCount",
          MBeanOperationInfo.ACTION_INFO,
          Returns.INTEGER,
          (t, a) -> t.refresh());

  /** Every operation of the bean, in the order its {@code MBeanInfo} lists them. */
  public static final List<TableOperation<?>> ALL =
      List.of(
          FIND, PROCESS, CHILDREN, ANCESTORS, TOP_BY_CPU, TOP_BY_MEMORY, BY_USER, PS_TEXT, REFRESH);

  private final String name;
  private final String description;
  private final int impact;
  private final Returns returns;
  private final Handler<R> handler;
  private final List<Parameter> parameters;

  private TableOperation(
      String name,
      String description,
      int impact,
      Returns returns,
      Handler<R> handler,
      Parameter... parameters) {
    this.name = requireNonNull(name, "name is null");
    this.description = requireNonNull(description, "description is null");
    this.impact = impact;
    this.returns = requireNonNull(returns, "returns is null");
    this.handler = requireNonNull(handler, "handler is null");
    this.parameters = List.of(parameters);
  }

  private static TableOperation<List<ProcessSample>> rows(
      String name, String description, Handler<List<ProcessSample>> handler, Parameter parameter) {
    return new TableOperation<>(
        name, description, MBeanOperationInfo.INFO, Returns.ROWS, handler, parameter);
  }

  /** The operation's name on the wire. */
  public String name() {
    return name;
  }

  /** How many arguments it takes. */
  public int arity() {
    return parameters.size();
  }

  Returns returns() {
    return returns;
  }

  /** The operation {@code name} with {@code arity} parameters, or null. */
  static TableOperation<?> find(String name, int arity) {
    for (TableOperation<?> op : ALL) {
      if (op.name.equals(name) && op.arity() == arity) {
        return op;
      }
    }
    return null;
  }

  /**
   * {@code args} checked against the parameters: each of the parameter's type ({@code long} takes
   * an {@code Integer} too), else an {@link IllegalArgumentException} naming the parameter.
   *
   * @throws IllegalArgumentException also when the count is wrong
   */
  Object[] arguments(Object[] args) {
    Object[] a = args == null ? new Object[0] : args;
    if (a.length != parameters.size()) {
      throw new IllegalArgumentException(
          name + " takes " + parameters.size() + " argument(s), not " + a.length);
    }
    Object[] out = new Object[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = parameters.get(i).check(a[i]);
    }
    return out;
  }

  /** The answer of {@code table} to this operation with arguments already {@link #arguments}. */
  R answer(Table table, Object[] checked) {
    return handler.answer(table, checked);
  }

  /** The signature a client sends: the parameters' Java type names. */
  String[] signature() {
    String[] out = new String[parameters.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parameters.get(i).type().getName();
    }
    return out;
  }

  /** The operation as the bean's {@code MBeanInfo} lists it. */
  OpenMBeanOperationInfo info() {
    OpenMBeanParameterInfo[] signature = new OpenMBeanParameterInfo[parameters.size()];
    for (int i = 0; i < signature.length; i++) {
      Parameter p = parameters.get(i);
      signature[i] = new OpenMBeanParameterInfoSupport(p.name(), p.description(), p.openType());
    }
    return new OpenMBeanOperationInfoSupport(
        name,
        description,
        signature,
        returns.openType,
        impact,
        ImmutableDescriptor.EMPTY_DESCRIPTOR);
  }

  @Override
  public String toString() {
    return name + parameters.stream().map(p -> p.type().getName() + " " + p.name()).toList();
  }
}
