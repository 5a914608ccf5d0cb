package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * A probe made on its first scan, for readers whose constructor already reads (the Linux one reads
 * kernel facts). Thread-safe.
 */
public final class LazyProbe implements ProcessProbe {
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
