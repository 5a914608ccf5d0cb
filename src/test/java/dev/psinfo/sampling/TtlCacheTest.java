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
    assertThat(cache.refresh()).isEqualTo(3);
    assertThat(cache.loads()).isEqualTo(3);
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
