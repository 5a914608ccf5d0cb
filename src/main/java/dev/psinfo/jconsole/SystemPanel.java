package dev.psinfo.jconsole;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.HierarchyEvent;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * The System tab: the host's facts in titled groups. Event thread only; data from {@link #show}.
 */
final class SystemPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  private final transient ZoneId zone;
  private final JPanel groups = new JPanel();
  private final JLabel status = Plain.label("waiting for the first read…");
  private String host = "";

  SystemPanel(ZoneId zone) {
    super(new BorderLayout());
    this.zone = zone;
    setName("psinfo.system");
    groups.setLayout(new BoxLayout(groups, BoxLayout.Y_AXIS));
    JPanel north = new JPanel(new BorderLayout());
    north.add(groups, BorderLayout.NORTH);
    add(new JScrollPane(north), BorderLayout.CENTER);
    status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    add(status, BorderLayout.SOUTH);
    addHierarchyListener(
        e -> {
          if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
            PsinfoViews.trace(traceLine("shown"));
          }
        });
  }

  /** What the trace says about this tab (the JConsole IT reads it). */
  String traceLine(String event) {
    return "System tab " + event + ": " + groups.getComponentCount() + " groups, host " + host;
  }

  /** Shows a new read of SystemInfo's attributes. */
  void show(Map<String, Object> attributes, String readAt) {
    groups.removeAll();
    host = Plain.text(attributes.get("Hostname"));
    List<SystemView.Group> all = SystemView.groups(attributes, zone);
    int labelWidth = 0;
    for (SystemView.Group g : all) {
      for (SystemView.Fact f : g.facts()) {
        labelWidth = Math.max(labelWidth, Plain.label(f.label()).getPreferredSize().width);
      }
    }
    for (SystemView.Group g : all) {
      JPanel box = new JPanel(new GridBagLayout());
      box.setBorder(
          BorderFactory.createCompoundBorder(
              BorderFactory.createEmptyBorder(4, 6, 4, 6),
              BorderFactory.createTitledBorder(g.title())));
      GridBagConstraints c = new GridBagConstraints();
      c.anchor = GridBagConstraints.WEST;
      c.insets = new Insets(2, 8, 2, 16);
      c.gridy = 0;
      for (SystemView.Fact f : g.facts()) {
        c.gridx = 0;
        c.weightx = 0;
        JLabel label = Plain.label(f.label());
        label.setFont(label.getFont().deriveFont(Font.PLAIN));
        label.setPreferredSize(new Dimension(labelWidth + 8, label.getPreferredSize().height));
        box.add(label, c);
        c.gridx = 1;
        c.weightx = 1;
        JLabel value = Plain.label(f.value());
        value.setFont(value.getFont().deriveFont(Font.BOLD));
        box.add(value, c);
        c.gridy++;
      }
      groups.add(box);
    }
    groups.add(Box.createVerticalGlue());
    status.setText("read at " + readAt);
    revalidate();
    repaint();
    if (isShowing()) {
      PsinfoViews.trace(traceLine("updated"));
    }
  }

  /** Says that the last read failed; the previous facts stay. */
  void showError(String message) {
    status.setText("read failed: " + Plain.text(message));
  }
}
