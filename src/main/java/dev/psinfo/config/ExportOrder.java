package dev.psinfo.config;

/** Which rows the {@code Processes} attribute keeps when {@code maxRows} cuts the table. */
public enum ExportOrder {
  /** The processes with the highest recent CPU use. */
  CPU,
  /** The processes with the largest resident set. */
  MEMORY
}
