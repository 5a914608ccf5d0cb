package dev.psinfo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
  @Test
  void runsTheSourceOnceAcrossThreadsAndKeepsTheValue() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Lazy<Object> lazy = new Lazy<>(() -> new Object[] {calls.incrementAndGet()});
    CountDownLatch start = new CountDownLatch(1);
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                seen.add(lazy.get());
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(calls).hasValue(1);
    assertThat(seen).hasSize(8).allSatisfy(v -> assertThat(v).isSameAs(lazy.get()));
  }

  @Test
  void keepsANullValue() {
    AtomicInteger calls = new AtomicInteger();
    Lazy<String> lazy =
        new Lazy<>(
            () -> {
              calls.incrementAndGet();
              return null;
            });
    assertThat(lazy.get()).isNull();
    assertThat(lazy.get()).isNull();
    assertThat(calls).hasValue(1);
  }

  @Test
  void triesAgainAfterTheSourceThrew() {
    AtomicInteger calls = new AtomicInteger();
    Lazy<String> lazy =
        new Lazy<>(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first try fails");
              }
              return "made";
            });
    assertThatThrownBy(lazy::get).hasMessage("first try fails");
    assertThat(lazy.get()).isEqualTo("made");
    assertThat(lazy.get()).isEqualTo("made");
    assertThat(calls).hasValue(2);
  }
}
