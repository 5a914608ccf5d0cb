package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * A value made on the first {@link #get()} and kept (null included): the source runs at most once,
 * unless it throws, then the next call tries again. Thread-safe.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> source;
  private volatile boolean made;
  private T value; // written before made, read after it

  /**
   * @param source makes the value, once
   */
  public Lazy(Supplier<? extends T> source) {
    this.source = requireNonNull(source, "source is null");
  }

  /** The value, made now if this is the first call; what the source throws passes through. */
  @Override
  public T get() {
    if (!made) {
      synchronized (this) {
        if (!made) {
          value = source.get();
          made = true;
        }
      }
    }
    return value;
  }
}
