package dev.psinfo.probe;

/**
 * What happened to the entries of one scan of the process table.
 *
 * @param listed numeric entries found in the process directory (after removing duplicates)
 * @param gone entries whose process exited between listing and reading; skipped silently
 * @param denied entries kept as rows with some fields unavailable ({@code -1}) because a file was
 *     not readable by the agent's user
 * @param corrupt entries skipped because a record was too short or invalid
 */
public record ScanStats(int listed, int gone, int denied, int corrupt) {
  public static final ScanStats EMPTY = new ScanStats(0, 0, 0, 0);

  public ScanStats {
    if (listed < 0 || gone < 0 || denied < 0 || corrupt < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0: " + listed + "/" + gone + "/" + denied + "/" + corrupt);
    }
  }
}
