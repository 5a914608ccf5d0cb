package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

/**
 * What the platform says about how much of the host a scan can see, next to the scan's own counts.
 * Immutable; each field is {@code -1} or {@code ""} when the platform does not have it.
 *
 * @param procHidepid the proc mount's {@code hidepid} level: 0 off, 1 {@code noaccess}, 2 {@code
 *     invisible}, 4 {@code ptraceable} (Linux); -1 when unknown or not Linux
 * @param pidNamespace {@code host}, {@code container} or {@code unknown} (Linux); {@code ""} where
 *     the platform has no pid namespaces
 * @param pidNamespaceReason the evidence {@code pidNamespace} was decided from, one line
 * @param kernelTasks the kernel's count of all tasks (threads, kernel threads included) around the
 *     scan, whatever the reader may see (Linux {@code /proc/loadavg}); -1 when unknown
 */
public record Visibility(
    int procHidepid, String pidNamespace, String pidNamespaceReason, long kernelTasks) {
  /** Nothing known. */
  public static final Visibility UNKNOWN = new Visibility(-1, "", "", -1);

  public Visibility {
    requireNonNull(pidNamespace, "pidNamespace is null");
    requireNonNull(pidNamespaceReason, "pidNamespaceReason is null");
    if (procHidepid < -1 || kernelTasks < -1) {
      throw new IllegalArgumentException(
          "procHidepid and kernelTasks must be >= -1: " + procHidepid + "/" + kernelTasks);
    }
  }

  /** The same with another task count. */
  public Visibility withKernelTasks(long tasks) {
    return new Visibility(procHidepid, pidNamespace, pidNamespaceReason, tasks);
  }
}
