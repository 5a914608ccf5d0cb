package dev.psinfo.jconsole;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javax.swing.JComponent;

/**
 * A live chart drawn with plain Java2D, like JConsole's own Overview charts: time on x since the
 * first point, one value per series on y, as stacked areas (CPU by mode) or lines (memory). Holds
 * at most {@link #MAX_POINTS} points: past it, every other point of the older half is dropped, so
 * the whole time since connecting stays in view at a coarser grain. Event thread only.
 */
final class Chart extends JComponent {
  private static final long serialVersionUID = 1L;

  /** The most points a chart holds. */
  static final int MAX_POINTS = 2_000;

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** One series: its name and colour. */
  record Series(String name, Color color) {}

  private record Point(long timeMillis, double[] values) {}

  private final String title;
  private final List<Series> series;
  private final boolean stacked;
  private final transient DoubleFunction<String> axis;
  private final transient ZoneId zone;
  private final transient List<Point> points = new ArrayList<>();
  private double max;

  /**
   * @param stacked areas stacked in the series' order (else lines)
   * @param max the top of the y axis (100 for percent); {@link #setMax} changes it
   * @param axis how a y value is written on the axis and in the legend
   */
  Chart(
      String title,
      List<Series> series,
      boolean stacked,
      double max,
      DoubleFunction<String> axis,
      ZoneId zone) {
    this.title = title;
    this.series = List.copyOf(series);
    this.stacked = stacked;
    this.max = max;
    this.axis = axis;
    this.zone = zone;
    setPreferredSize(new Dimension(380, 170));
    setMinimumSize(new Dimension(200, 120));
    setOpaque(true);
    setBackground(Color.WHITE);
  }

  /** Adds a point; NaN or negative values draw as 0 (not known). Points must come in time order. */
  void add(long timeMillis, double... values) {
    if (values.length != series.size()) {
      throw new IllegalArgumentException("expected " + series.size() + " values");
    }
    if (!points.isEmpty() && timeMillis <= points.get(points.size() - 1).timeMillis()) {
      return;
    }
    points.add(new Point(timeMillis, values.clone()));
    if (points.size() > MAX_POINTS) {
      List<Point> older = new ArrayList<>(points.subList(0, points.size() / 2));
      List<Point> newer = new ArrayList<>(points.subList(points.size() / 2, points.size()));
      points.clear();
      for (int i = 0; i < older.size(); i += 2) {
        points.add(older.get(i));
      }
      points.addAll(newer);
    }
    repaint();
  }

  /** Sets the top of the y axis (the memory total). */
  void setMax(double max) {
    if (max > 0) {
      this.max = max;
    }
  }

  /** How many points it holds. */
  int points() {
    return points.size();
  }

  /** When the first point was taken, or -1 when there is none. */
  long firstMillis() {
    return points.isEmpty() ? -1 : points.get(0).timeMillis();
  }

  /** The last value of the series at {@code index}, or NaN when there is none. */
  double last(int index) {
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).values()[index];
  }

  /** What the trace says: title, points and each series' last value. */
  String traceLine() {
    StringBuilder s = new StringBuilder("chart ").append(title).append(": ");
    s.append(points.size()).append(" points");
    for (int i = 0; i < series.size(); i++) {
      s.append(", ").append(series.get(i).name()).append(' ').append(axis.apply(last(i)));
    }
    return s.toString();
  }

  private static double clean(double v) {
    return Double.isNaN(v) || v < 0 ? 0 : v;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(getBackground());
      g.fillRect(0, 0, getWidth(), getHeight());
      Font font = getFont() != null ? getFont() : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
      g.setFont(font.deriveFont(Font.PLAIN, 11f));
      FontMetrics fm = g.getFontMetrics();
      int line = fm.getHeight();
      // title and legend with the last values
      g.setColor(Color.DARK_GRAY);
      g.setFont(font.deriveFont(Font.BOLD, 12f));
      g.drawString(title, 6, line);
      g.setFont(font.deriveFont(Font.PLAIN, 11f));
      int x = 6;
      int legendY = 2 * line + 2;
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        String text = s.name() + " " + (points.isEmpty() ? "—" : axis.apply(last(i)));
        g.setColor(s.color());
        g.fillRect(x, legendY - fm.getAscent() + 2, 10, 10);
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x + 14, legendY);
        x += 14 + fm.stringWidth(text) + 12;
      }
      int left = 6 + fm.stringWidth(axis.apply(max)) + 6;
      int top = legendY + 8;
      int right = getWidth() - 10;
      int bottom = getHeight() - line - 6;
      int w = right - left;
      int h = bottom - top;
      if (w < 20 || h < 20) {
        return;
      }
      // grid and y labels
      g.setStroke(new BasicStroke(1f));
      for (int i = 0; i <= 4; i++) {
        int y = bottom - h * i / 4;
        g.setColor(new Color(0xE4, 0xE4, 0xE4));
        g.drawLine(left, y, right, y);
        g.setColor(Color.GRAY);
        String label = axis.apply(max * i / 4);
        g.drawString(label, left - 4 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
      }
      g.setColor(Color.GRAY);
      g.drawRect(left, top, w, h);
      if (points.isEmpty()) {
        return;
      }
      long t0 = points.get(0).timeMillis();
      long t1 = points.get(points.size() - 1).timeMillis();
      long span = Math.max(1, t1 - t0);
      g.drawString(CLOCK.format(Instant.ofEpochMilli(t0).atZone(zone)), left, bottom + line);
      String end = CLOCK.format(Instant.ofEpochMilli(t1).atZone(zone));
      g.drawString(end, right - fm.stringWidth(end), bottom + line);
      int n = points.size();
      int[] xs = new int[n];
      for (int i = 0; i < n; i++) {
        xs[i] = left + (int) ((points.get(i).timeMillis() - t0) * w / span);
      }
      if (n == 1) {
        xs[0] = right;
      }
      double[] base = new double[n];
      for (int s = 0; s < series.size(); s++) {
        Series se = series.get(s);
        if (stacked) {
          Polygon area = new Polygon();
          double[] topValues = new double[n];
          for (int i = 0; i < n; i++) {
            topValues[i] = base[i] + clean(points.get(i).values()[s]);
            area.addPoint(xs[i], y(topValues[i], bottom, h));
          }
          for (int i = n - 1; i >= 0; i--) {
            area.addPoint(xs[i], y(base[i], bottom, h));
          }
          g.setColor(se.color());
          if (n == 1) {
            g.fillRect(
                xs[0] - 2,
                y(topValues[0], bottom, h),
                3,
                Math.max(1, y(base[0], bottom, h) - y(topValues[0], bottom, h)));
          } else {
            g.fillPolygon(area);
          }
          base = topValues;
        } else {
          Path2D.Double path = new Path2D.Double();
          for (int i = 0; i < n; i++) {
            int y = y(clean(points.get(i).values()[s]), bottom, h);
            if (i == 0) {
              path.moveTo(xs[i], y);
            } else {
              path.lineTo(xs[i], y);
            }
          }
          g.setColor(se.color());
          g.setStroke(new BasicStroke(2f));
          g.draw(path);
          if (n == 1) {
            g.fillOval(xs[0] - 2, y(clean(points.get(0).values()[s]), bottom, h) - 2, 5, 5);
          }
        }
      }
    } finally {
      g.dispose();
    }
  }

  private int y(double value, int bottom, int h) {
    double v = Math.min(value, max);
    return bottom - (int) Math.round(v * h / max);
  }
}
