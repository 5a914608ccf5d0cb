package dev.psinfo.jconsole;

import java.awt.Component;
import java.awt.Point;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.management.MBeanServerConnection;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingWorker;

/**
 * The psinfo views of one connected JVM for any Swing host: the JConsole plugin ({@link
 * PsinfoPlugin}) and the VisualVM plugin embed the same panels through this class. It uses no
 * JConsole type, so it loads where {@code jdk.jconsole} does not exist; it reads only the public
 * MBeans through the connection its host supplies, so a remote JVM works like a local one.
 *
 * <p>The host asks {@link #present} once (off the event thread) to choose its tabs, shows {@link
 * #processesView} and {@link #systemView} when the MBeans are there, or {@link #absentView} (which
 * says how to attach the agent and shows both views inside itself once it is there), and runs the
 * worker {@link #newUpdate} returns at its own interval. Views and updates are for the event
 * thread; the reads run in the worker.
 */
public final class PsinfoViews {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final Supplier<MBeanServerConnection> connection;
  private final ZoneId zone = ZoneId.systemDefault();
  private final ProcessesPanel processes = new ProcessesPanel(zone);
  private final SystemPanel system = new SystemPanel(zone);
  private final UsersPanel users = new UsersPanel();
  private final Map<String, JPanel> shown = new LinkedHashMap<>();
  private AbsentPanel absent;
  private SwingWorker<Update, Void> running;
  private volatile long connectedPid = -1;

  /**
   * What one update read: each MBean once ({@code getAttributes}), each part there or saying why it
   * failed. {@code coverage} is null when the agent has no Coverage bean.
   */
  record Update(
      boolean present,
      long pid,
      PsinfoClient.Processes processes,
      String processesError,
      Map<String, Object> system,
      String systemError,
      Map<String, Object> coverage,
      List<PsinfoClient.Group> groups,
      String groupsError,
      long readAtMillis) {}

  /**
   * Views of the JVM behind {@code connection}, which is asked on each update and may answer null
   * while there is no connection (no update then). Call on the event thread.
   */
  public PsinfoViews(Supplier<MBeanServerConnection> connection) {
    this.connection = connection;
  }

  /**
   * Whether the connected JVM carries the psinfo process table: one round trip, so never on the
   * event thread.
   *
   * @throws IOException when the connection fails (or there is none)
   */
  public boolean present() throws IOException {
    MBeanServerConnection c = connection.get();
    if (c == null) {
      throw new IOException("not connected");
    }
    return new PsinfoClient(c, zone).present();
  }

  /** The Processes view: the live table, the selected process's fields and its descendants. */
  public JPanel processesView() {
    return remember("Processes", processes);
  }

  /** The Users view: per-user totals from the same snapshot as the Processes view, sortable. */
  public JPanel usersView() {
    return remember("Users", users);
  }

  /** The System view: host CPU and memory charts since connecting, the facts, coverage, groups. */
  public JPanel systemView() {
    return remember("System", system);
  }

  /**
   * The one view for a JVM without the MBeans: the {@code attach} command, then (once the agent is
   * there) the Processes and System views inside it. Use it instead of the other two, not with
   * them: a Swing component has one parent.
   */
  public JPanel absentView() {
    if (absent == null) {
      absent = new AbsentPanel(processes, system, users);
    }
    return remember("psinfo", absent);
  }

  private JPanel remember(String title, JPanel view) {
    shown.put(title, view);
    return view;
  }

  /**
   * A worker that reads the MBeans once and then shows what it read in the views; null while the
   * previous one is still running or when there is no connection. The host executes it (JConsole
   * does so for the worker its plugin returns). Call on the event thread.
   */
  public SwingWorker<?, ?> newUpdate() {
    if (running != null && !running.isDone()) {
      return null;
    }
    MBeanServerConnection c = connection.get();
    if (c == null) {
      return null;
    }
    running =
        new SwingWorker<>() {
          @Override
          protected Update doInBackground() throws Exception {
            PsinfoClient client = new PsinfoClient(c, zone);
            if (connectedPid < 0) {
              connectedPid = client.pid();
            }
            return read(client, connectedPid);
          }

          @Override
          protected void done() {
            try {
              show(get());
            } catch (ExecutionException e) {
              String why = describe(e.getCause());
              processes.showError(why);
              system.showError(why);
              users.showError(why);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    return running;
  }

  /**
   * One update's reads: presence, then the table (with the users), the facts, the coverage and the
   * groups, each failing on its own.
   */
  static Update read(PsinfoClient client, long pid) throws IOException {
    long now = System.currentTimeMillis();
    if (!client.present()) {
      return new Update(false, pid, null, null, null, null, null, null, null, now);
    }
    PsinfoClient.Processes p = null;
    String pError = null;
    try {
      p = client.processes();
    } catch (Exception e) {
      pError = describe(e);
    }
    Map<String, Object> s = null;
    String sError = null;
    try {
      s = client.system();
    } catch (Exception e) {
      sError = describe(e);
    }
    Map<String, Object> c;
    try {
      c = client.coverage();
    } catch (Exception e) {
      c = Map.of("CoverageSummary", "read failed: " + describe(e));
    }
    List<PsinfoClient.Group> g = null;
    String gError = null;
    try {
      g = client.groups();
    } catch (Exception e) {
      gError = describe(e);
    }
    return new Update(true, pid, p, pError, s, sError, c, g, gError, now);
  }

  private void show(Update u) {
    if (System.getProperty(TRACE_PROPERTY) != null) {
      for (Map.Entry<String, JPanel> tab : shown.entrySet()) {
        traceHeader(tab.getKey(), tab.getValue());
      }
      Point filter = processes.filterOnScreen();
      if (filter != null) {
        trace("filter at " + filter.x + "," + filter.y);
      }
    }
    if (absent != null) {
      absent.present(u.present(), u.pid());
    }
    if (!u.present()) {
      processes.showError("psinfo:type=ProcessTable is not registered in this JVM");
      system.showError("psinfo:type=SystemInfo is not registered in this JVM");
      users.showError("psinfo:type=ProcessTable is not registered in this JVM");
      return;
    }
    String readAt = CLOCK.format(Instant.ofEpochMilli(u.readAtMillis()).atZone(zone));
    if (u.processes() != null) {
      processes.show(u.processes(), u.pid());
      users.show(u.processes().users(), readAt);
    } else {
      processes.showError(u.processesError());
      users.showError(u.processesError());
    }
    if (u.system() != null) {
      system.show(u.system(), u.coverage(), u.groups(), u.groupsError(), u.readAtMillis(), readAt);
    } else {
      system.showError(u.systemError());
    }
  }

  /** The system property that turns {@link #trace} on. */
  static final String TRACE_PROPERTY = "psinfo.jconsole.trace";

  /**
   * With {@code -Dpsinfo.jconsole.trace=FILE} (JConsole and VisualVM take it as {@code -J-D…}),
   * appends one line per view made, shown or updated to FILE ({@code =true}: to standard error).
   * For the integration tests and for bug reports; off by default.
   */
  public static synchronized void trace(String line) {
    String target = System.getProperty(TRACE_PROPERTY);
    if (target == null || target.isEmpty()) {
      return;
    }
    if (target.equals("true")) {
      System.err.println("psinfo-jconsole: " + line);
      return;
    }
    try {
      Files.writeString(
          Path.of(target),
          "psinfo-jconsole: " + line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      // tracing is best effort
    }
  }

  /**
   * Traces where on the screen the header of the tab holding {@code view} is (the nearest tabbed
   * pane around it: JConsole's own, or the one of VisualVM's application window), so a test can
   * click it.
   */
  private static void traceHeader(String title, JPanel view) {
    Component c = view;
    while (c != null) {
      Component parent = c.getParent();
      if (parent instanceof JTabbedPane pane && pane.isShowing()) {
        int index = pane.indexOfComponent(c);
        if (index >= 0) {
          Rectangle r = pane.getBoundsAt(index);
          Point origin = pane.getLocationOnScreen();
          trace(
              "header "
                  + title
                  + " at "
                  + (origin.x + r.x + r.width / 2)
                  + ","
                  + (origin.y + r.y + r.height / 2));
        }
        return;
      }
      c = parent;
    }
  }

  /** A one-line reason from a JMX failure: the innermost message, with its exception's name. */
  static String describe(Throwable t) {
    Throwable deepest = t;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        deepest = c;
      }
    }
    String message = deepest.getMessage();
    return Plain.text(deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }
}
