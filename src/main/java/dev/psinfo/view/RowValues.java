package dev.psinfo.view;

import dev.psinfo.probe.ProcessField;

/**
 * One process row as a view reads it, whatever holds it: a {@code ProcessInfo} with its recent CPU
 * (the CLI, {@code psText}) or the items of a row received over JMX (the plugin, which may talk to
 * an older agent that lacks some items).
 */
public interface RowValues {
  /**
   * The value of the item named {@code item} ({@link ProcessField#itemName}), boxed as {@link
   * ProcessField#get} returns it ({@code state} a {@code ProcessState} or its name), or null when
   * this row does not have the item at all (an older agent). A value that is there but not
   * available is its sentinel ({@code -1}, {@code ""}, {@link Values#SIGNED_NOT_AVAILABLE}).
   */
  Object item(String item);

  /** Recent CPU use in percent of one CPU; negative or NaN when not available. */
  double cpuPercent();
}
