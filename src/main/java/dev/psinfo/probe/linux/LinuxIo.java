package dev.psinfo.probe.linux;

/**
 * The storage I/O counters of {@code /proc/<pid>/io}. Immutable.
 *
 * @param readBytes {@code read_bytes}: bytes this process caused to be fetched from storage, >= 0
 * @param writeBytes {@code write_bytes}: bytes this process caused to be sent to storage, >= 0
 */
public record LinuxIo(long readBytes, long writeBytes) {
  public LinuxIo {
    if (readBytes < 0 || writeBytes < 0) {
      throw new IllegalArgumentException(
          "byte counts must be >= 0: " + readBytes + "/" + writeBytes);
    }
  }
}
