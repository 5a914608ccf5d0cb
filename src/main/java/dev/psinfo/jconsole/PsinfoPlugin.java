package dev.psinfo.jconsole;

import com.sun.tools.jconsole.JConsoleContext;
import com.sun.tools.jconsole.JConsolePlugin;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.MBeanServerConnection;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingWorker;

/**
 * The JConsole plugin ({@code jconsole -pluginpath psinfo-jmx-agent.jar}): a Processes and a System
 * tab for a JVM that carries the psinfo MBeans, or one tab saying how to attach the agent to one
 * that does not. It reads only the public MBeans through JConsole's connection, so a remote JVM
 * works like a local one. Every read runs in the {@link SwingWorker} JConsole asks for at each
 * update interval, never on the event thread; a new one is offered only when the last is done.
 *
 * <p>Nothing outside this package refers to it: the agent and the CLI never load it, and the {@code
 * jdk.jconsole} module need not exist where they run.
 */
public final class PsinfoPlugin extends JConsolePlugin {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** How long {@link #getTabs} waits to learn whether the MBeans are there. */
  private static final long PRESENCE_WAIT_MILLIS = 3_000;

  private final ZoneId zone = ZoneId.systemDefault();
  private Map<String, JPanel> tabs;
  private ProcessesPanel processes;
  private SystemPanel system;
  private AbsentPanel absent;
  private SwingWorker<Update, Void> running;
  private volatile long connectedPid = -1;

  /** What one update read; exactly one of the processes/system value and error is set. */
  record Update(
      boolean present,
      long pid,
      Psinfo.Processes processes,
      String processesError,
      Map<String, Object> system,
      String systemError,
      long readAtMillis) {}

  @Override
  public synchronized Map<String, JPanel> getTabs() {
    if (tabs == null) {
      processes = new ProcessesPanel(zone);
      system = new SystemPanel(zone);
      tabs = new LinkedHashMap<>();
      if (presentNow()) {
        tabs.put("Processes", processes);
        tabs.put("System", system);
      } else {
        absent = new AbsentPanel(processes, system);
        tabs.put("psinfo", absent);
      }
      trace("tabs " + String.join(", ", tabs.keySet()));
    }
    return tabs;
  }

  @Override
  public synchronized SwingWorker<?, ?> newSwingWorker() {
    if (tabs == null
        || (running != null && !running.isDone())
        || getContext().getConnectionState() != JConsoleContext.ConnectionState.CONNECTED) {
      return null;
    }
    MBeanServerConnection connection = getContext().getMBeanServerConnection();
    running =
        new SwingWorker<>() {
          @Override
          protected Update doInBackground() throws Exception {
            Psinfo psinfo = new Psinfo(connection);
            if (connectedPid < 0) {
              connectedPid = psinfo.pid();
            }
            return read(psinfo, connectedPid);
          }

          @Override
          protected void done() {
            try {
              show(get());
            } catch (ExecutionException e) {
              String why = describe(e.getCause());
              processes.showError(why);
              system.showError(why);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    return running;
  }

  /** One update's reads: presence, then the table and the facts, each failing on its own. */
  static Update read(Psinfo psinfo, long pid) throws java.io.IOException {
    long now = System.currentTimeMillis();
    if (!psinfo.present()) {
      return new Update(false, pid, null, null, null, null, now);
    }
    Psinfo.Processes p = null;
    String pError = null;
    try {
      p = psinfo.processes();
    } catch (Exception e) {
      pError = describe(e);
    }
    Map<String, Object> s = null;
    String sError = null;
    try {
      s = psinfo.system();
    } catch (Exception e) {
      sError = describe(e);
    }
    return new Update(true, pid, p, pError, s, sError, now);
  }

  private void show(Update u) {
    if (System.getProperty("psinfo.jconsole.trace") != null) {
      for (Map.Entry<String, JPanel> tab : tabs.entrySet()) {
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
      return;
    }
    if (u.processes() != null) {
      processes.show(u.processes(), u.pid());
    } else {
      processes.showError(u.processesError());
    }
    if (u.system() != null) {
      system.show(u.system(), CLOCK.format(Instant.ofEpochMilli(u.readAtMillis()).atZone(zone)));
    } else {
      system.showError(u.systemError());
    }
  }

  /**
   * Whether the MBeans are there, asked off the event thread and waited for a short while; when the
   * answer does not come in time, the Processes and System tabs are used (they say what fails).
   */
  private boolean presentNow() {
    MBeanServerConnection connection = getContext().getMBeanServerConnection();
    CompletableFuture<Boolean> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new Psinfo(connection).present();
              } catch (java.io.IOException e) {
                return true;
              }
            });
    try {
      return answer.get(PRESENCE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } catch (ExecutionException | TimeoutException e) {
      return true;
    }
  }

  /**
   * With {@code -J-Dpsinfo.jconsole.trace=FILE}, appends one line per tab made, shown or updated to
   * FILE ({@code =true}: to standard error, which the {@code jconsole} launcher shows in its Output
   * window). For the JConsole integration test and for bug reports; off by default.
   */
  static synchronized void trace(String line) {
    String target = System.getProperty("psinfo.jconsole.trace");
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

  /** Traces where on the screen the tab's header is, so a test can click it. */
  private static void traceHeader(String title, JPanel panel) {
    if (panel.getParent() instanceof JTabbedPane pane && pane.isShowing()) {
      int index = pane.indexOfComponent(panel);
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
    return deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
