package dev.psinfo.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Waits that hold on a busy host: they give up only when nothing has moved for a while, not after a
 * fixed time. A slow machine that keeps making progress is waited for; a hang still fails.
 */
public final class Progress {
  private Progress() {}

  /**
   * Waits until {@code done}, as long as {@code progress} (a counter of work done) has grown within
   * the last {@code stall}.
   *
   * @return true when done, false when {@code progress} stood still for {@code stall} first
   */
  public static boolean await(BooleanSupplier done, LongSupplier progress, Duration stall)
      throws InterruptedException {
    long seen = progress.getAsLong();
    long movedAt = System.nanoTime();
    while (!done.getAsBoolean()) {
      long now = progress.getAsLong();
      if (now != seen) {
        seen = now;
        movedAt = System.nanoTime();
      } else if (System.nanoTime() - movedAt > stall.toNanos()) {
        return done.getAsBoolean();
      }
      Thread.sleep(20);
    }
    return true;
  }
}
