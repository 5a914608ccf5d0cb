package dev.psinfo.probe;

/**
 * What happened to the entries of one scan of the process table.
 *
 * <p>The per-file counters say which fields the agent's user could not read; each counts processes
 * whose file exists but was not readable (a missing file, or one of a process that exited, is not a
 * denial). A process can be counted in several of them.
 *
 * @param listed numeric entries found in the process directory (after removing duplicates)
 * @param gone entries whose process exited between listing and reading; skipped silently
 * @param denied entries kept as rows with some identity or usage fields unavailable ({@code -1})
 *     because a file every user can normally read was not readable (Linux {@code stat}, {@code
 *     status}, {@code cmdline}; AIX {@code psinfo}, {@code status})
 * @param corrupt entries skipped because a record was too short or invalid
 * @param statusDenied processes whose {@code status} was not readable (Linux: uids, threads,
 *     context switches; AIX: the user/system split)
 * @param cmdlineDenied processes whose command line was not readable (Linux {@code cmdline})
 * @param ioDenied processes whose {@code io} counters were not readable (Linux: other users'
 *     processes unless the agent may ptrace them)
 * @param fdDenied processes whose open descriptors could not be counted (Linux {@code fd})
 * @param asDenied processes whose address space could not be read for the full argument vector (AIX
 *     {@code /proc/<pid>/as}); the row keeps {@code psinfo}'s 80-byte {@code pr_psargs}
 * @param argsTruncated rows whose {@code args} is shorter than the process's real command line
 * @param fdLimitDenied processes whose descriptors were counted but whose limits could not be read
 *     for {@code fdLimit} (Linux {@code limits}, readable by every user unless {@code hidepid}
 *     hides the process); -1 when the probe reads no limits (AIX)
 */
public record ScanStats(
    int listed,
    int gone,
    int denied,
    int corrupt,
    int statusDenied,
    int cmdlineDenied,
    int ioDenied,
    int fdDenied,
    int asDenied,
    int argsTruncated,
    int fdLimitDenied) {
  public static final ScanStats EMPTY = new ScanStats(0, 0, 0, 0);

  public ScanStats {
    if ((listed | gone | denied | corrupt) < 0
        || (statusDenied | cmdlineDenied | ioDenied | fdDenied | asDenied | argsTruncated) < 0
        || fdLimitDenied < -1) {
      throw new IllegalArgumentException(
          "counts must be >= 0: "
              + listed
              + "/"
              + gone
              + "/"
              + denied
              + "/"
              + corrupt
              + "/"
              + statusDenied
              + "/"
              + cmdlineDenied
              + "/"
              + ioDenied
              + "/"
              + fdDenied
              + "/"
              + asDenied
              + "/"
              + argsTruncated
              + "/"
              + fdLimitDenied);
    }
  }

  /** Stats without per-file detail: every per-file counter 0. */
  public ScanStats(int listed, int gone, int denied, int corrupt) {
    this(listed, gone, denied, corrupt, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Whether some field of some row could not be read for lack of permission. */
  public boolean anyFieldDenied() {
    return (denied | statusDenied | cmdlineDenied | ioDenied | fdDenied | asDenied) != 0
        || fdLimitDenied > 0;
  }
}
