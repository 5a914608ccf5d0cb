package dev.psinfo.jconsole;

import dev.psinfo.text.Printable;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JToolTip;
import javax.swing.JTree;
import javax.swing.JViewport;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableModel;
import javax.swing.tree.DefaultTreeCellRenderer;
import javax.swing.tree.TreeModel;

/**
 * Swing that shows data as plain text, never as HTML. Swing renders any label, cell, tree node or
 * tooltip whose text starts with {@code <html>} as HTML (fetching images, nesting tables without
 * bound), and any process on the host or a hostile JMX server chooses the text the plugin shows. So
 * every component here that shows data carries the {@code html.disable} client property from its
 * construction (before any text is set: Swing decides when the text changes), tables and trees use
 * only the renderers below and make their own tooltips, and the text itself passes through {@link
 * Printable#escape} (control, bidi and invisible characters made visible) and a length cap.
 */
final class Plain {
  /** The client property that makes Swing's basic UIs show a text starting with html as is. */
  static final String HTML_DISABLE = "html.disable";

  /** The most characters of one value a label, cell or fact shows. */
  static final int MAX_TEXT_CHARS = 1_024;

  /** The most characters a tooltip shows. */
  static final int MAX_TIP_CHARS = 4_096;

  /** How wide a tooltip grows before it wraps, in pixels. */
  static final int TIP_WIDTH_PX = 640;

  private Plain() {}

  /** {@code c} with HTML rendering disabled; call before setting any text. */
  static <T extends JComponent> T of(T c) {
    c.putClientProperty(HTML_DISABLE, Boolean.TRUE);
    return c;
  }

  /** A label that shows {@code text} escaped and capped. */
  static JLabel label(String text) {
    JLabel label = of(new JLabel());
    label.setText(text(text));
    return label;
  }

  /** Any value as people read it: {@code toString}, capped at {@link #MAX_TEXT_CHARS}, escaped. */
  static String text(Object value) {
    return text(value, MAX_TEXT_CHARS);
  }

  /** Any value capped at {@code maxChars} (saying how much was left out), then escaped. */
  static String text(Object value, int maxChars) {
    String s = value == null ? "" : String.valueOf(value);
    return Printable.escape(cap(s, maxChars));
  }

  /**
   * {@code s} cut to at most {@code maxChars} characters (not in a surrogate pair), then a note.
   */
  static String cap(String s, int maxChars) {
    if (s.length() <= maxChars) {
      return s;
    }
    String kept = Printable.prefix(s, maxChars);
    return kept + " … (" + (s.length() - kept.length()) + " more characters)";
  }

  /** A table whose every cell renderer and tooltip shows plain text. */
  static class Table extends JTable {
    private static final long serialVersionUID = 1L;
    private final Renderer left = new Renderer(SwingConstants.LEADING);
    private final Renderer right = new Renderer(SwingConstants.RIGHT);

    Table(TableModel model) {
      super(model);
      of(this);
      setDefaultRenderer(Object.class, left);
      setDefaultRenderer(Number.class, right);
    }

    /** The column's renderer when it is a plain one, else the plain default. */
    @Override
    public TableCellRenderer getCellRenderer(int row, int column) {
      TableCellRenderer r = super.getCellRenderer(row, column);
      return r instanceof Renderer || r instanceof PlainRenderer ? r : left;
    }

    /** Tracks the viewport's width only while every column fits at its minimum; else scrolls. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
      return super.getScrollableTracksViewportWidth()
          && (!(getParent() instanceof JViewport port)
              || Columns.minimumWidth(this) <= port.getWidth());
    }

    /** The renderer that right-aligns numbers. */
    Renderer right() {
      return right;
    }

    @Override
    public JToolTip createToolTip() {
      return new ToolTip(this);
    }
  }

  /** Marks a renderer of a table column that is known to show plain text only. */
  interface PlainRenderer extends TableCellRenderer {}

  /**
   * The table cell renderer: a {@link Cell} shows its (already escaped) text and tooltip; anything
   * else is escaped and capped.
   */
  static class Renderer extends DefaultTableCellRenderer implements PlainRenderer {
    private static final long serialVersionUID = 1L;

    Renderer(int alignment) {
      of(this);
      setHorizontalAlignment(alignment);
    }

    @Override
    protected void setValue(Object value) {
      if (value instanceof Cell c) {
        setText(c.text());
        setToolTipText(c.tip());
      } else {
        setText(value == null ? "" : text(value));
        setToolTipText(null);
      }
    }
  }

  /** A tree whose nodes and tooltips show plain text (escaped and capped). */
  static class Tree extends JTree {
    private static final long serialVersionUID = 1L;

    Tree(TreeModel model) {
      super(model);
      of(this);
      DefaultTreeCellRenderer renderer = of(new DefaultTreeCellRenderer());
      setCellRenderer(renderer);
    }

    @Override
    public String convertValueToText(
        Object value, boolean selected, boolean expanded, boolean leaf, int row, boolean focus) {
      return text(super.convertValueToText(value, selected, expanded, leaf, row, focus));
    }

    @Override
    public JToolTip createToolTip() {
      return new ToolTip(this);
    }
  }

  /**
   * A tooltip that never renders HTML and wraps long text (a whole command line) at {@link
   * #TIP_WIDTH_PX}; the text is escaped and capped at {@link #MAX_TIP_CHARS}.
   */
  static final class ToolTip extends JToolTip {
    private static final long serialVersionUID = 1L;
    private final JTextArea area = new JTextArea();

    ToolTip(JComponent owner) {
      of(this);
      setComponent(owner);
      setLayout(new BorderLayout());
      area.setLineWrap(true);
      area.setEditable(false);
      area.setOpaque(false);
      area.setFocusable(false);
      if (UIManager.getFont("ToolTip.font") != null) {
        area.setFont(UIManager.getFont("ToolTip.font"));
      }
      add(area, BorderLayout.CENTER);
    }

    /** Shows {@code tipText} in the wrapping area; the look and feel's own text stays empty. */
    @Override
    public void setTipText(String tipText) {
      // cells' tips come escaped and capped already: escaping is idempotent, the cap leaves room
      area.setText(tipText == null ? "" : text(tipText, MAX_TIP_CHARS + 64));
      super.setTipText(null);
    }

    /** What the tooltip shows. */
    String shown() {
      return area.getText();
    }

    @Override
    public Dimension getPreferredSize() {
      FontMetrics fm = area.getFontMetrics(area.getFont());
      Insets in = getInsets();
      Insets ain = area.getInsets();
      int line = 0;
      for (String l : area.getText().split("\n", -1)) {
        line = Math.max(line, fm.stringWidth(l));
      }
      int width = Math.min(TIP_WIDTH_PX, line + ain.left + ain.right + 2);
      area.setSize(new Dimension(width, Short.MAX_VALUE));
      Dimension d = area.getPreferredSize();
      return new Dimension(width + in.left + in.right, d.height + in.top + in.bottom);
    }
  }
}
