package dev.psinfo.jconsole;

import dev.psinfo.view.Values;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.event.HierarchyEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * The System tab as a dashboard: host CPU busy by mode and memory used/available as live charts
 * since the plugin connected (plain Java2D, {@link Chart}), then the facts in titled groups — host
 * and OS, CPUs, memory, load per CPU and uptime, the Coverage summary and counts, one line per
 * named process group, the platform's own facts. Event thread only; data from {@link #show}.
 */
final class SystemPanel extends JPanel {
  private static final long serialVersionUID = 1L;

  static final Color USER = new Color(0x2E, 0x7D, 0x32);
  static final Color SYSTEM = new Color(0xC6, 0x28, 0x28);
  static final Color OTHER = new Color(0xF9, 0xA8, 0x25);
  static final Color IOWAIT = new Color(0x90, 0xA4, 0xAE);
  static final Color USED = new Color(0x15, 0x65, 0xC0);
  static final Color AVAILABLE = new Color(0x43, 0xA0, 0x47);

  private final transient ZoneId zone;
  private final JPanel groups = new JPanel();
  private final JLabel status = Plain.label("waiting for the first read…");
  private final Chart cpu;
  private final Chart memory;
  private String host = "";

  SystemPanel(ZoneId zone) {
    super(new BorderLayout());
    this.zone = zone;
    setName("psinfo.system");
    cpu =
        new Chart(
            "Host CPU %",
            List.of(
                new Chart.Series("user", USER),
                new Chart.Series("system", SYSTEM),
                new Chart.Series("other", OTHER),
                new Chart.Series("I/O wait", IOWAIT)),
            true,
            100,
            v -> String.format(Locale.ROOT, "%.0f", v),
            zone);
    cpu.setName("psinfo.chart.cpu");
    memory =
        new Chart(
            "Host memory",
            List.of(new Chart.Series("used", USED), new Chart.Series("available", AVAILABLE)),
            false,
            1,
            v -> Double.isNaN(v) ? Values.NOT_AVAILABLE : Values.size((long) v),
            zone);
    memory.setName("psinfo.chart.memory");
    JPanel charts = new JPanel(new GridLayout(1, 2, 6, 0));
    charts.setBorder(BorderFactory.createEmptyBorder(4, 6, 2, 6));
    charts.add(cpu);
    charts.add(memory);
    add(charts, BorderLayout.NORTH);
    groups.setLayout(new BoxLayout(groups, BoxLayout.Y_AXIS));
    JPanel north = new JPanel(new BorderLayout());
    north.add(groups, BorderLayout.NORTH);
    JScrollPane scroll = new JScrollPane(north);
    scroll.getVerticalScrollBar().setUnitIncrement(16);
    add(scroll, BorderLayout.CENTER);
    status.setBorder(BorderFactory.createEmptyBorder(2, 8, 2, 8));
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

  /** Shows a read of SystemInfo's attributes alone (no coverage, no groups). */
  void show(Map<String, Object> attributes, String readAt) {
    show(attributes, null, List.of(), null, System.currentTimeMillis(), readAt);
  }

  /**
   * Shows one update: SystemInfo's attributes, Coverage's (null: this agent has none), the process
   * groups (or why they could not be read), and a point on each chart at {@code readAtMillis}.
   */
  void show(
      Map<String, Object> attributes,
      Map<String, Object> coverage,
      List<PsinfoClient.Group> processGroups,
      String groupsError,
      long readAtMillis,
      String readAt) {
    addPoints(attributes, readAtMillis);
    groups.removeAll();
    host = Plain.text(attributes.get("Hostname"));
    List<SystemView.Group> all = new ArrayList<>();
    List<SystemView.Group> facts = SystemView.groups(attributes, zone);
    all.add(
        new SystemView.Group(
            "Now",
            List.of(
                new SystemView.Fact("Host CPU", SystemView.cpu(attributes)),
                facts.get(3).facts().get(0),
                facts.get(3).facts().get(1),
                facts.get(3).facts().get(2),
                facts.get(2).facts().get(0))));
    all.add(SystemView.coverage(coverage));
    SystemView.Group processGroupLines =
        SystemView.processGroups(processGroups, groupsError, zone, readAtMillis);
    all.add(processGroupLines);
    all.addAll(facts);
    int labelWidth = 0;
    for (SystemView.Group g : all) {
      for (SystemView.Fact f : g.facts()) {
        labelWidth = Math.max(labelWidth, Plain.label(f.label()).getPreferredSize().width);
      }
    }
    labelWidth = Math.min(labelWidth, 260);
    for (SystemView.Group g : all) {
      JPanel box = new JPanel(new GridBagLayout());
      box.setBorder(
          BorderFactory.createCompoundBorder(
              BorderFactory.createEmptyBorder(2, 6, 2, 6),
              BorderFactory.createTitledBorder(g.title())));
      GridBagConstraints c = new GridBagConstraints();
      c.anchor = GridBagConstraints.WEST;
      c.insets = new Insets(1, 8, 1, 16);
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
    status.setText("read at " + readAt + "  ·  charts: " + since());
    revalidate();
    repaint();
    if (isShowing()) {
      PsinfoViews.trace(traceLine("updated"));
      PsinfoViews.trace("System " + cpu.traceLine());
      PsinfoViews.trace("System " + memory.traceLine());
      for (SystemView.Fact f : processGroupLines.facts()) {
        PsinfoViews.trace("System group " + f.label() + ": " + f.value());
      }
    }
  }

  /** {@code 35 points since 05:41:33}: what the charts hold. */
  private String since() {
    long first = cpu.points() > 0 ? cpu.firstMillis() : memory.firstMillis();
    int points = Math.max(cpu.points(), memory.points());
    return first < 0
        ? "no points yet"
        : points
            + " points since "
            + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
                .format(java.time.Instant.ofEpochMilli(first).atZone(zone));
  }

  /** Adds this read's CPU modes and memory to the charts. */
  private void addPoints(Map<String, Object> a, long atMillis) {
    double busy = decimal(a, "CpuBusyPercent");
    double user = decimal(a, "CpuUserPercent");
    double system = decimal(a, "CpuSystemPercent");
    double iowait = decimal(a, "CpuIowaitPercent");
    if (!Double.isNaN(busy)) {
      double u = Double.isNaN(user) ? 0 : user;
      double s = Double.isNaN(system) ? 0 : system;
      // busy that is neither user nor system (steal, guest; or all of it when not split)
      double other = Math.max(0, busy - u - s);
      cpu.add(atMillis, u, s, other, Double.isNaN(iowait) ? 0 : iowait);
    }
    long total = number(a, "TotalMemoryBytes");
    long available = number(a, "AvailableMemoryBytes");
    if (available < 0) {
      available = number(a, "FreeMemoryBytes");
    }
    if (total > 0 && available >= 0) {
      memory.setMax(total);
      memory.add(atMillis, total - available, available);
    }
  }

  /** The CPU chart (tests). */
  Chart cpuChart() {
    return cpu;
  }

  /** The memory chart (tests). */
  Chart memoryChart() {
    return memory;
  }

  private static double decimal(Map<String, Object> a, String name) {
    return a.get(name) instanceof Number n && n.doubleValue() >= 0 ? n.doubleValue() : Double.NaN;
  }

  private static long number(Map<String, Object> a, String name) {
    return a.get(name) instanceof Number n && !(n instanceof Double) ? n.longValue() : -1;
  }

  /** Says that the last read failed; the previous facts stay. */
  void showError(String message) {
    status.setText("read failed: " + Plain.text(message));
  }
}
