package dev.psinfo.agent;

import static java.util.Objects.requireNonNull;

import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import java.io.IOException;
import java.util.function.Supplier;

/** A probe made on its first scan. Thread-safe. */
final class LazyProbe implements ProcessProbe {
  private final String name;
  private final Supplier<ProcessProbe> factory;
  private volatile ProcessProbe delegate;

  LazyProbe(String name, Supplier<ProcessProbe> factory) {
    this.name = requireNonNull(name, "name is null");
    this.factory = requireNonNull(factory, "factory is null");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProcessScan scan() throws IOException {
    ProcessProbe p = delegate;
    if (p == null) {
      synchronized (this) {
        p = delegate;
        if (p == null) {
          p = requireNonNull(factory.get(), "factory returned null");
          delegate = p;
        }
      }
    }
    return p.scan();
  }
}
