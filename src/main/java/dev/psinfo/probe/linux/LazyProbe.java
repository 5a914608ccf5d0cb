package dev.psinfo.probe.linux;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.support.Lazy;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * A probe made on its first scan, for readers whose constructor already reads (the Linux one reads
 * kernel facts). Thread-safe.
 */
final class LazyProbe implements ProcessProbe {
  private final String name;
  private final Lazy<ProcessProbe> delegate;

  /**
   * @param name the probe's name, known before it is made
   * @param factory makes the real probe, once
   */
  public LazyProbe(String name, Supplier<ProcessProbe> factory) {
    this.name = requireNonNull(name, "name is null");
    requireNonNull(factory, "factory is null");
    this.delegate = new Lazy<>(() -> requireNonNull(factory.get(), "factory returned null"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProcessScan scan() throws IOException {
    return delegate.get().scan();
  }
}
