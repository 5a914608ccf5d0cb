package dev.psinfo.bench;

/**
 * The host application of {@code scrape-cost.py}: does nothing until it is killed, so every CPU
 * tick the harness sees in it is spent by the agents it loads (the exporter's HTTP thread, the
 * psinfo scan and views, GC and JIT of that work).
 */
public final class ServeForever {
  private ServeForever() {}

  public static void main(String[] args) throws InterruptedException {
    while (true) {
      Thread.sleep(60_000);
    }
  }
}
