package dev.psinfo.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {
  private final AtomicLong clock = new AtomicLong(5_000_000_000L);
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void loadsNothingUntilReadThenServesWithinTheTtl() {
    TtlCache<Integer> cache =
        new TtlCache<>(Duration.ofSeconds(2), clock::get, loads::incrementAndGet);
    assertThat(loads).hasValue(0);
    assertThat(cache.peek()).isNull();
    assertThat(cache.get()).isEqualTo(1);
    clock.addAndGet(1_999_999_999L);
    assertThat(cache.get()).isEqualTo(1);
    clock.addAndGet(1);
    assertThat(cache.get()).isEqualTo(2);
    // refresh loads only once the value is older than min(ttl, 1 s)
    assertThat(cache.refresh()).isEqualTo(2);
    clock.addAndGet(999_999_999L);
    assertThat(cache.refresh()).isEqualTo(2);
    clock.addAndGet(1);
    assertThat(cache.refresh()).isEqualTo(3);
    assertThat(cache.loads()).isEqualTo(3);
  }

  @Test
  void aNewTtlJudgesTheValueAlreadyLoaded() {
    TtlCache<Integer> cache =
        new TtlCache<>(Duration.ofMinutes(10), clock::get, loads::incrementAndGet);
    assertThat(cache.get()).isEqualTo(1);
    clock.addAndGet(3_000_000_000L);
    assertThat(cache.get()).isEqualTo(1);
    cache.setTtl(Duration.ofSeconds(2));
    assertThat(cache.get()).isEqualTo(2);
    clock.addAndGet(1_000_000_000L);
    assertThat(cache.get()).isEqualTo(2);
    assertThatThrownBy(() -> cache.setTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    clock.addAndGet(1_000_000_000L);
    assertThat(cache.get()).isEqualTo(3);
  }

  @Test
  void refreshIsRateLimitedByTheTtlWhenItIsShorterThanTheFloor() {
    TtlCache<Integer> cache =
        new TtlCache<>(Duration.ofMillis(200), clock::get, loads::incrementAndGet);
    assertThat(cache.get()).isEqualTo(1);
    for (int i = 0; i < 1000; i++) {
      assertThat(cache.refresh()).isEqualTo(1); // a client calling refresh() in a loop
    }
    clock.addAndGet(200_000_000L);
    assertThat(cache.refresh()).isEqualTo(2);
    TtlCache<Integer> everyRead = new TtlCache<>(Duration.ZERO, clock::get, loads::incrementAndGet);
    everyRead.get();
    assertThat(everyRead.refresh()).isEqualTo(4); // ttl=0: the operator asked for a load per read
  }

  @Test
  void concurrentRefreshesShareOneLoad() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TtlCache<Integer> cache =
        new TtlCache<>(
            Duration.ofSeconds(2),
            clock::get,
            () -> {
              int n = loads.incrementAndGet();
              if (n == 2) {
                entered.countDown();
                release.await();
              }
              return n;
            });
    cache.get();
    clock.addAndGet(5_000_000_000L);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      results.add(pool.submit(cache::refresh));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 7; i++) {
        results.add(pool.submit(cache::refresh));
      }
      Thread.sleep(100); // let them queue behind the load in flight
      release.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(2);
      }
      assertThat(cache.loads()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHungLoadDelaysReadersOnlyBoundedly() throws Exception {
    CountDownLatch hung = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    TtlCache<Integer> cache =
        new TtlCache<>(
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            clock::get,
            () -> {
              int n = loads.incrementAndGet();
              if (n == 2) {
                hung.countDown();
                never.await(); // a FIFO opened for reading: no writer ever comes
              }
              return n;
            });
    assertThat(cache.get()).isEqualTo(1);
    clock.addAndGet(2_000_000_000L);
    Thread stuck = new Thread(cache::get, "stuck-loader");
    stuck.setDaemon(true);
    stuck.start();
    assertThat(hung.await(30, TimeUnit.SECONDS)).isTrue();
    // every other reader gets the last value after its bounded wait
    assertThat(cache.get()).isEqualTo(1);
    assertThat(cache.refresh()).isEqualTo(1);
    assertThat(cache.staleServed()).isEqualTo(2);
    never.countDown();
    stuck.join(30_000);

    TtlCache<Integer> first =
        new TtlCache<>(
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            clock::get,
            () -> {
              hung.await();
              new CountDownLatch(1).await();
              return 0;
            });
    Thread firstLoader = new Thread(first::get, "stuck-first-loader");
    firstLoader.setDaemon(true);
    firstLoader.start();
    while (firstLoader.getState() != Thread.State.WAITING) {
      Thread.sleep(5);
    }
    assertThatThrownBy(first::get)
        .isInstanceOf(TtlCache.CacheLoadException.class)
        .hasMessage(
            "TimeoutException: no value yet: the first load has been running for more than 100 ms");
    firstLoader.interrupt();
  }

  @Test
  void aFailedLoadKeepsServingTheLastGoodValue() {
    List<Object> script = new ArrayList<>(List.of(1, new IOException("disk gone"), 3));
    TtlCache<Integer> cache =
        new TtlCache<>(
            Duration.ofSeconds(1),
            clock::get,
            () -> {
              Object next = script.remove(0);
              if (next instanceof IOException e) {
                throw e;
              }
              return (Integer) next;
            });
    assertThat(cache.get()).isEqualTo(1);
    clock.addAndGet(2_000_000_000L);
    assertThat(cache.get()).isEqualTo(1);
    assertThat(cache.failures()).isEqualTo(1);
    assertThat(cache.lastFailure()).hasMessage("disk gone");
    clock.addAndGet(2_000_000_000L);
    assertThat(cache.get()).isEqualTo(3);
  }

  @Test
  void aFirstLoadThatFailsReachesTheCaller() {
    TtlCache<Integer> cache =
        new TtlCache<>(
            Duration.ofSeconds(1),
            clock::get,
            () -> {
              throw new IOException("no /proc");
            });
    assertThatThrownBy(cache::get)
        .isInstanceOf(TtlCache.CacheLoadException.class)
        .hasMessageContaining("no /proc");
  }

  @Test
  void concurrentReadersShareOneLoad() throws Exception {
    CountDownLatch inLoad = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    TtlCache<Integer> cache =
        new TtlCache<>(
            Duration.ofSeconds(10),
            System::nanoTime,
            () -> {
              maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              inLoad.countDown();
              release.await(10, TimeUnit.SECONDS);
              concurrent.decrementAndGet();
              return loads.incrementAndGet();
            });
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(cache::get));
      }
      assertThat(inLoad.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(loads).hasValue(1);
    assertThat(maxConcurrent).hasValue(1);
  }
}
