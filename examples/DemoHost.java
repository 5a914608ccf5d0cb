import java.util.concurrent.TimeUnit;

/**
 * A stand-in for "your application": it does a little work on one thread (so topByCpu has
 * something to show) and runs until its standard input closes or it is killed. Run it straight
 * from source, no build step: {@code java -javaagent:... examples/DemoHost.java}.
 */
public final class DemoHost {
  private DemoHost() {}

  public static void main(String[] args) throws Exception {
    Thread worker =
        new Thread(
            () -> {
              long x = 0;
              while (true) {
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                  x += Long.numberOfTrailingZeros(x + 1);
                }
                try {
                  Thread.sleep(80); // about 20% of one CPU
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "demo-worker");
    worker.setDaemon(true);
    worker.start();
    System.out.println("DemoHost running as pid " + ProcessHandle.current().pid());
    System.out.flush();
    if (args.length > 0 && args[0].equals("--until-stdin-closes")) {
      while (System.in.read() >= 0) {
        // keep running
      }
    } else {
      Thread.currentThread().join();
    }
  }
}
