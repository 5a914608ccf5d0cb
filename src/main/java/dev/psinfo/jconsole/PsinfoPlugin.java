package dev.psinfo.jconsole;

import com.sun.tools.jconsole.JConsoleContext;
import com.sun.tools.jconsole.JConsolePlugin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.swing.JPanel;
import javax.swing.SwingWorker;

/**
 * The JConsole plugin ({@code jconsole -pluginpath psinfo-jmx-agent.jar}): a Processes and a System
 * tab for a JVM that carries the psinfo MBeans, or one tab saying how to attach the agent to one
 * that does not. The tabs and their updates are {@link PsinfoViews}' (shared with the VisualVM
 * plugin), reading through JConsole's connection; every read runs in the {@link SwingWorker}
 * JConsole asks for at each update interval, never on the event thread; a new one is offered only
 * when the last is done.
 *
 * <p>This is the only class that refers to JConsole's API. Nothing outside this package refers to
 * it: the agent and the CLI never load it, and the {@code jdk.jconsole} module need not exist where
 * they run.
 */
public final class PsinfoPlugin extends JConsolePlugin {
  /** How long {@link #getTabs} waits to learn whether the MBeans are there. */
  private static final long PRESENCE_WAIT_MILLIS = 3_000;

  private Map<String, JPanel> tabs;
  private PsinfoViews views;

  @Override
  public synchronized Map<String, JPanel> getTabs() {
    if (tabs == null) {
      views = new PsinfoViews(() -> getContext().getMBeanServerConnection());
      tabs = new LinkedHashMap<>();
      if (presentNow()) {
        tabs.put("Processes", views.processesView());
        tabs.put("System", views.systemView());
        tabs.put("Users", views.usersView());
      } else {
        tabs.put("psinfo", views.absentView());
      }
      PsinfoViews.trace("tabs " + String.join(", ", tabs.keySet()));
    }
    return tabs;
  }

  @Override
  public synchronized SwingWorker<?, ?> newSwingWorker() {
    if (tabs == null
        || getContext().getConnectionState() != JConsoleContext.ConnectionState.CONNECTED) {
      return null;
    }
    return views.newUpdate();
  }

  /**
   * Whether the MBeans are there, asked off the event thread and waited for a short while; when the
   * answer does not come in time, the Processes and System tabs are used (they say what fails).
   */
  private boolean presentNow() {
    CompletableFuture<Boolean> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return views.present();
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
}
