package dev.psinfo.probe.linux;

/**
 * The fields of {@code /proc/<pid>/status} that the probe uses. Immutable. Ids are unsigned 32-bit
 * values; a count is -1 when its line is absent (older kernels).
 *
 * @param uid real user id ({@code Uid:} first column)
 * @param euid effective user id ({@code Uid:} second column)
 * @param gid real group id ({@code Gid:} first column)
 * @param egid effective group id ({@code Gid:} second column)
 * @param threads {@code Threads:}, or -1
 * @param voluntaryCtxSwitches {@code voluntary_ctxt_switches:}, or -1
 * @param involuntaryCtxSwitches {@code nonvoluntary_ctxt_switches:}, or -1
 */
public record LinuxStatus(
    long uid,
    long euid,
    long gid,
    long egid,
    int threads,
    long voluntaryCtxSwitches,
    long involuntaryCtxSwitches) {
  public LinuxStatus {
    if (uid < 0 || euid < 0 || gid < 0 || egid < 0) {
      throw new IllegalArgumentException("ids must be >= 0");
    }
    if (threads < -1 || voluntaryCtxSwitches < -1 || involuntaryCtxSwitches < -1) {
      throw new IllegalArgumentException("counts must be >= -1");
    }
  }
}
