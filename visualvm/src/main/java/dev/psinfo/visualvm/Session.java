package dev.psinfo.visualvm;

import dev.psinfo.jconsole.PsinfoViews;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import org.graalvm.visualvm.application.Application;
import org.graalvm.visualvm.core.options.GlobalPreferences;
import org.graalvm.visualvm.tools.jmx.JmxModel;
import org.graalvm.visualvm.tools.jmx.JmxModelFactory;

/**
 * One application's psinfo views and their updates: made the first time VisualVM asks about the
 * application, it reads through VisualVM's JMX connection to it ({@link JmxModel}) and, while at
 * least one of its tabs is open, runs an update on VisualVM's "monitored data" poll interval (Tools
 * → Options → Polling), one at a time.
 */
final class Session {
  private static final Map<Application, Session> SESSIONS = new WeakHashMap<>();
  private static final ObjectName PROCESS_TABLE = processTable();

  private final Application application;
  private final JmxModel jmx;
  private final long pid;
  private final boolean present;
  private PsinfoViews views;
  private Timer timer;
  private int openViews;

  private Session(Application application, JmxModel jmx, long pid, boolean present) {
    this.application = application;
    this.jmx = jmx;
    this.pid = pid;
    this.present = present;
  }

  /**
   * The application's session, or null when VisualVM has no JMX connection to it. The first call
   * for an application asks it whether it carries the MBeans (one round trip: VisualVM calls this
   * off the event thread); the answer stands while the application's window is open (once the agent
   * is attached later, the {@code psinfo} view shows the views itself), and is asked again when the
   * window is opened anew.
   */
  static Session of(Application application) {
    synchronized (SESSIONS) {
      Session s = SESSIONS.get(application);
      if (s != null) {
        return s;
      }
    }
    JmxModel jmx = JmxModelFactory.getJmxModelFor(application);
    if (jmx == null || jmx.getConnectionState() != JmxModel.ConnectionState.CONNECTED) {
      return null;
    }
    MBeanServerConnection c = jmx.getMBeanServerConnection();
    if (c == null) {
      return null;
    }
    boolean present;
    try {
      present = c.isRegistered(PROCESS_TABLE);
    } catch (IOException | RuntimeException e) {
      PsinfoViews.trace("visualvm: no answer from pid " + application.getPid() + ": " + e);
      return null;
    }
    PsinfoViews.trace(
        "visualvm: pid "
            + application.getPid()
            + (present ? " carries the psinfo MBeans" : " has no psinfo MBeans"));
    synchronized (SESSIONS) {
      return SESSIONS.computeIfAbsent(application, a -> new Session(a, jmx, a.getPid(), present));
    }
  }

  boolean present() {
    return present;
  }

  long pid() {
    return pid;
  }

  /** The views, made on the event thread the first time a tab needs one. */
  PsinfoViews views() {
    if (views == null) {
      views = new PsinfoViews(this::connection);
    }
    return views;
  }

  private MBeanServerConnection connection() {
    return jmx.getConnectionState() == JmxModel.ConnectionState.CONNECTED
        ? jmx.getMBeanServerConnection()
        : null;
  }

  /** A tab was added to the window: updates run while any is there. Event thread. */
  void viewAdded() {
    openViews++;
    if (timer == null) {
      int seconds = Math.max(1, GlobalPreferences.sharedInstance().getMonitoredDataPoll());
      timer = new Timer(seconds * 1000, e -> update());
      timer.setInitialDelay(0);
      timer.start();
    }
  }

  /**
   * A tab was closed; the last one stops the updates and forgets the session, so the window opened
   * anew asks the JVM again (and gets Processes and System once the agent has been attached).
   */
  void viewRemoved() {
    openViews--;
    if (openViews <= 0) {
      if (timer != null) {
        timer.stop();
        timer = null;
      }
      synchronized (SESSIONS) {
        SESSIONS.remove(application, this);
      }
      PsinfoViews.trace("visualvm: pid " + pid + " closed");
    }
  }

  private static ObjectName processTable() {
    try {
      return new ObjectName("psinfo:type=ProcessTable");
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update() {
    if (!SwingUtilities.isEventDispatchThread()) {
      SwingUtilities.invokeLater(this::update);
      return;
    }
    SwingWorker<?, ?> worker = views().newUpdate();
    if (worker != null) {
      worker.execute();
    }
  }
}
