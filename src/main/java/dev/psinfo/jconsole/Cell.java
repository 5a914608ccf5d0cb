package dev.psinfo.jconsole;

import dev.psinfo.view.Values;

/**
 * One table cell: the text people read and the value it sorts by. Cells that are not available sort
 * below every real value, so they end up last when sorting the biggest first.
 *
 * @param sortKey the real value (a {@code Long}, {@code Double} or {@code String}); null when not
 *     available
 * @param text what the cell shows, escaped and capped ({@link Plain#text})
 * @param tip the cell's tooltip, escaped and capped, or null for none
 */
record Cell(Comparable<?> sortKey, String text, String tip) implements Comparable<Cell> {
  static final Cell NOT_AVAILABLE = new Cell(null, Values.NOT_AVAILABLE);

  /** A cell without a tooltip. */
  Cell(Comparable<?> sortKey, String text) {
    this(sortKey, text, null);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compareTo(Cell o) {
    if (sortKey == null || o.sortKey == null) {
      return sortKey == null ? (o.sortKey == null ? 0 : -1) : 1;
    }
    if (sortKey instanceof String a && o.sortKey instanceof String b) {
      int c = a.compareToIgnoreCase(b);
      return c != 0 ? c : a.compareTo(b);
    }
    if (sortKey.getClass() != o.sortKey.getClass()) {
      return sortKey.toString().compareTo(o.sortKey.toString());
    }
    return ((Comparable) sortKey).compareTo(o.sortKey);
  }

  @Override
  public String toString() {
    return text;
  }
}
