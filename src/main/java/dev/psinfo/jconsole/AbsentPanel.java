package dev.psinfo.jconsole;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Font;
import javax.swing.BorderFactory;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;

/**
 * The one tab of a connection whose JVM has no psinfo MBeans: says so and how to attach the agent;
 * once the agent is there (attached later), it shows the Processes and System views inside itself.
 * Event thread only.
 */
final class AbsentPanel extends JPanel {
  private static final long serialVersionUID = 1L;
  private static final String MESSAGE = "message";
  private static final String VIEWS = "views";

  private final CardLayout cards = new CardLayout();
  private final JTextArea message = new JTextArea();
  private Boolean shown;

  AbsentPanel(ProcessesPanel processes, SystemPanel system, UsersPanel users) {
    setLayout(cards);
    setName("psinfo.absent");
    message.setEditable(false);
    message.setLineWrap(true);
    message.setWrapStyleWord(true);
    message.setFont(message.getFont().deriveFont(Font.PLAIN, 14f));
    message.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
    message.setText(text(-1));
    JPanel wrap = new JPanel(new BorderLayout());
    wrap.add(message, BorderLayout.CENTER);
    add(wrap, MESSAGE);
    JTabbedPane views = new JTabbedPane();
    views.addTab("Processes", processes);
    views.addTab("System", system);
    views.addTab("Users", users);
    add(views, VIEWS);
    cards.show(this, MESSAGE);
  }

  /** Shows the message (MBeans absent) or the views (present). */
  void present(boolean present, long pid) {
    if (!present) {
      message.setText(text(pid));
    }
    if (shown == null || shown != present) {
      PsinfoViews.trace(
          present ? "psinfo tab: MBeans present, showing the views" : "psinfo tab: absent, " + pid);
    }
    shown = present;
    cards.show(this, present ? VIEWS : MESSAGE);
  }

  /** What the tab says when the JVM (with this pid, -1 if unknown) has no psinfo MBeans. */
  static String text(long pid) {
    String p = pid >= 0 ? Long.toString(pid) : "<pid>";
    return "This JVM has no psinfo MBeans: psinfo:type=ProcessTable is not registered in it.\n\n"
        + "To add them without restarting it, run on the same host, as the same user:\n\n"
        + "    java -jar psinfo-jmx-agent.jar attach "
        + p
        + "\n\n"
        + "or start it with -javaagent:psinfo-jmx-agent.jar. The Processes, System and Users"
        + " views appear in this tab on the next update once the agent is there.";
  }
}
