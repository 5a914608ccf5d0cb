package dev.psinfo.cli;

import dev.psinfo.config.UserPattern;
import dev.psinfo.host.Attribute;
import dev.psinfo.host.CoverageAttribute;
import dev.psinfo.host.Reading;
import dev.psinfo.host.SystemAttribute;
import dev.psinfo.jmx.ProcessTableClient;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A remote agent's process table and system facts over a JMX connector. Filters ({@code --user},
 * {@code --match}) are applied here, with the agent's semantics; the remote agent's own options
 * (its filters, {@code maxRows}, {@code ttl}) apply first. The system facts and the coverage are
 * read as the same plain {@link Reading}s a local source gives ({@link #reading}: one {@code
 * getAttributes} call per bean, so one round trip, answered by the agent from one scan).
 */
final class RemoteSource implements Source {
  static final ObjectName TABLE = ProcessTableClient.NAME;
  static final ObjectName SYSTEM = name("psinfo:type=SystemInfo");
  static final ObjectName COVERAGE = name("psinfo:type=Coverage");
  static final ObjectName AGENT = name("psinfo:type=Agent");
  private static final Pattern HOST_PORT =
      Pattern.compile("(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5})");

  private final String target;
  private final JMXConnector connector;
  private final MBeanServerConnection connection;
  private final ProcessTableClient table;
  private final boolean hasSystem;
  private final boolean hasCoverage;
  private final ProcessFilter filter;

  private RemoteSource(
      String target,
      JMXConnector connector,
      MBeanServerConnection connection,
      boolean hasSystem,
      boolean hasCoverage,
      UserPattern match,
      String user) {
    this.target = target;
    this.connector = connector;
    this.connection = connection;
    this.table = new ProcessTableClient(connection);
    this.hasSystem = hasSystem;
    this.hasCoverage = hasCoverage;
    this.filter = new ProcessFilter(match, null, user == null ? Set.of() : Set.of(user));
  }

  /**
   * The connector address for {@code HOST:PORT} ({@code [v6]:PORT} for IPv6) or a full {@code
   * service:jmx:} URL.
   */
  static JMXServiceURL url(String target) throws UsageException {
    try {
      if (target.startsWith("service:jmx:")) {
        return new JMXServiceURL(target);
      }
      Matcher m = HOST_PORT.matcher(target);
      if (m.matches()) {
        int port = Integer.parseInt(m.group(2));
        if (port >= 1 && port <= 65535) {
          return new JMXServiceURL(
              "service:jmx:rmi:///jndi/rmi://" + m.group(1) + ":" + port + "/jmxrmi");
        }
      }
    } catch (MalformedURLException e) {
      throw new UsageException("jmx: bad address '" + target + "': " + e.getMessage());
    }
    throw new UsageException(
        "jmx: bad address '"
            + target
            + "' (expected HOST:PORT, e.g. localhost:9010, or a service:jmx: URL)");
  }

  /**
   * Connects and checks that the agent's process table is registered there. Connecting, and every
   * later read, waits at most {@code timeout} for the server ({@link TimeoutSocketFactory}); the
   * whole connect is also abandoned after {@code timeout}.
   */
  static RemoteSource connect(String target, UserPattern match, String user, Duration timeout)
      throws UsageException, CliException {
    JMXServiceURL url = url(target);
    TimeoutSocketFactory.use(timeout);
    JMXConnector connector = connectWithin(target, url, timeout);
    try {
      MBeanServerConnection c = connector.getMBeanServerConnection();
      if (!c.isRegistered(TABLE)) {
        throw new CliException(
            target
                + " has no "
                + TABLE
                + ": the psinfo-jmx agent is not loaded in that JVM (load it with"
                + " -javaagent:psinfo-jmx-agent.jar, or: java -jar psinfo-jmx-agent.jar attach PID)");
      }
      return new RemoteSource(
          target, connector, c, c.isRegistered(SYSTEM), c.isRegistered(COVERAGE), match, user);
    } catch (IOException | RuntimeException e) {
      closeQuietly(connector);
      throw new CliException("cannot read from " + target + ": " + rootMessage(e), e);
    } catch (CliException e) {
      closeQuietly(connector);
      throw e;
    }
  }

  private static JMXConnector connectWithin(String target, JMXServiceURL url, Duration timeout)
      throws CliException {
    CompletableFuture<JMXConnector> done = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                done.complete(JMXConnectorFactory.connect(url));
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            "psinfo-jmx-connect");
    t.setDaemon(true);
    t.start();
    try {
      return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      done.thenAccept(RemoteSource::closeQuietly); // if it ever connects
      throw new CliException(
          "cannot connect to " + target + ": no answer within " + millis(timeout), e);
    } catch (ExecutionException e) {
      throw new CliException(
          "cannot connect to " + target + " (" + url + "): " + rootMessage(e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("cannot connect to " + target + ": interrupted", e);
    }
  }

  @Override
  public List<ProcessSample> rows() throws CliException {
    List<ProcessSample> rows = new ArrayList<>();
    try {
      for (ProcessSample s : table.processes()) {
        if (filter.test(s)) {
          rows.add(s);
        }
      }
    } catch (RuntimeException e) {
      throw new CliException(
          "cannot read the process table from " + target + ": " + rootMessage(e), e);
    }
    return rows;
  }

  /**
   * The remote agent's {@code ttl} (its {@code TtlMillis}); zero when that agent does not say (an
   * older version) or cannot be asked.
   */
  @Override
  public Duration servedFor() {
    try {
      Object ttl = connector.getMBeanServerConnection().getAttribute(AGENT, "TtlMillis");
      return ttl instanceof Long millis && millis > 0 ? Duration.ofMillis(millis) : Duration.ZERO;
    } catch (IOException | JMException | RuntimeException e) {
      return Duration.ZERO;
    }
  }

  /** The remote {@code psinfo:type=SystemInfo} now; null when that agent has none. */
  @Override
  public Reading<SystemAttribute> system() throws CliException {
    return hasSystem ? read(SYSTEM, SystemAttribute.class) : null;
  }

  /** The remote {@code psinfo:type=Coverage} now; null when that agent has none (older). */
  @Override
  public Reading<CoverageAttribute> coverage() throws CliException {
    return hasCoverage ? read(COVERAGE, CoverageAttribute.class) : null;
  }

  private <A extends Enum<A> & Attribute> Reading<A> read(ObjectName bean, Class<A> attributes)
      throws CliException {
    try {
      return reading(connection, bean, attributes, "jmx " + target + " " + bean);
    } catch (IOException | JMException | RuntimeException e) {
      throw new CliException("cannot read " + bean + " from " + target + ": " + rootMessage(e), e);
    }
  }

  /**
   * The one conversion of a remote bean into a {@link Reading}: every attribute asked for in one
   * {@code getAttributes} call; a {@code Map} attribute (an MXBean serves it as a key/value table)
   * becomes a map again. An attribute the bean did not answer (an agent older than this command) is
   * missing from the reading, which says so when it is read, so that a view that does not need it
   * still works.
   *
   * @param source where the values come from, for that message
   * @throws IllegalArgumentException when a value is not of its attribute's type
   */
  static <A extends Enum<A> & Attribute> Reading<A> reading(
      MBeanServerConnection connection, ObjectName bean, Class<A> attributes, String source)
      throws IOException, JMException {
    Map<String, A> byName = new HashMap<>();
    for (A a : attributes.getEnumConstants()) {
      byName.put(a.attributeName(), a);
    }
    Map<A, Object> values = new EnumMap<>(attributes);
    for (Object o : connection.getAttributes(bean, byName.keySet().toArray(String[]::new))) {
      if (o instanceof javax.management.Attribute answer && byName.get(answer.getName()) != null) {
        A a = byName.get(answer.getName());
        Object v = answer.getValue();
        values.put(a, a.type() == Map.class ? texts(a, v) : v);
      }
    }
    return Reading.of(attributes, values, source);
  }

  /** A {@code Map<String, String>} as an MXBean serves it (rows of key and value) or as a map. */
  private static Map<String, String> texts(Attribute a, Object v) {
    Map<String, String> out = new TreeMap<>();
    if (v instanceof TabularData table) {
      for (Object row : table.values()) {
        if (row instanceof CompositeData r
            && r.containsKey("key")
            && r.get("key") instanceof String k
            && r.containsKey("value")
            && r.get("value") instanceof String text) {
          out.put(k, text);
        } else {
          throw new IllegalArgumentException(
              a.attributeName() + " must be a table of text keys and values: " + row);
        }
      }
    } else if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getKey() instanceof String k && e.getValue() instanceof String text) {
          out.put(k, text);
        } else {
          throw new IllegalArgumentException(
              a.attributeName() + " must map text to text: " + e.getKey() + "=" + e.getValue());
        }
      }
    } else {
      throw new IllegalArgumentException(
          a.attributeName()
              + " must be a table of text keys and values: "
              + (v == null ? "null" : v.getClass().getSimpleName()));
    }
    return out;
  }

  @Override
  public String describe() {
    return "jmx " + target;
  }

  @Override
  public void close() {
    closeQuietly(connector);
  }

  private static void closeQuietly(JMXConnector connector) {
    try {
      connector.close();
    } catch (IOException | RuntimeException e) {
      // going away anyway
    }
  }

  private static String millis(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The innermost cause's message, which is where RMI keeps the useful part. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.replace('\n', ' '));
  }

  private static ObjectName name(String s) {
    try {
      return new ObjectName(s);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
