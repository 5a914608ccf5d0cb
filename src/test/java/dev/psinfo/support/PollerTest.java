package dev.psinfo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollerTest {
  private static final Duration SHORT = Duration.ofMillis(5);
  private final List<Poller> started = new ArrayList<>();

  @AfterEach
  void stopAll() {
    started.forEach(Poller::stop);
  }

  private Poller poller(Supplier<Poller.Look> looks) {
    Poller p =
        new Poller(
            "psinfo-test-poller", "test", SHORT, looks, new RateLimitedLog(Log.of(getClass()), 0));
    started.add(p);
    return p;
  }

  @Test
  void aFailingLookNeitherEndsTheThreadNorStopsTheNextLooks() throws Exception {
    BlockingQueue<Integer> looks = new ArrayBlockingQueue<>(100);
    AtomicInteger n = new AtomicInteger();
    Poller p =
        poller(
            () ->
                () -> {
                  int i = n.incrementAndGet();
                  looks.offer(i);
                  if (i == 1) {
                    throw new IllegalStateException("first look fails");
                  }
                  if (i == 2) {
                    throw new OutOfMemoryError("second look runs out");
                  }
                  return true;
                });
    p.start();
    for (int i = 1; i <= 3; i++) {
      assertThat(looks.poll(60, TimeUnit.SECONDS)).isEqualTo(i);
    }
    assertThat(p.running()).isTrue();
  }

  @Test
  void aLookAnsweringFalseEndsTheThreadAndAStartAfterThatGetsAFreshLook() throws Exception {
    BlockingQueue<Object> looksMade = new ArrayBlockingQueue<>(10);
    BlockingQueue<Object> looked = new ArrayBlockingQueue<>(10);
    Poller p =
        poller(
            () -> {
              Object id = new Object();
              looksMade.offer(id);
              return () -> {
                looked.offer(id);
                return false;
              };
            });
    p.start();
    Object first = looksMade.poll(60, TimeUnit.SECONDS);
    assertThat(looked.poll(60, TimeUnit.SECONDS)).isSameAs(first);
    awaitNotRunning(p);
    p.start();
    Object second = looksMade.poll(60, TimeUnit.SECONDS);
    assertThat(second).isNotNull().isNotSameAs(first);
    assertThat(looked.poll(60, TimeUnit.SECONDS)).isSameAs(second);
  }

  @Test
  void stopEndsTheDaemonThreadAndStartTwiceRunsOne() throws Exception {
    AtomicInteger made = new AtomicInteger();
    Poller p =
        poller(
            () -> {
              made.incrementAndGet();
              return () -> true;
            });
    p.start();
    p.start();
    assertThat(made).hasValue(1);
    Thread t = thread("psinfo-test-poller");
    assertThat(t.isDaemon()).isTrue();
    p.stop();
    assertThat(p.running()).isFalse();
    t.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(t.isAlive()).isFalse();
  }

  private static void awaitNotRunning(Poller p) throws InterruptedException {
    for (int i = 0; i < 6000 && p.running(); i++) {
      Thread.sleep(10);
    }
    assertThat(p.running()).isFalse();
  }

  private static Thread thread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .findFirst()
        .orElseThrow();
  }
}
