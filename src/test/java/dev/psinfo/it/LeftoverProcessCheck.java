package dev.psinfo.it;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves running any process it started (through {@link Spawned}, directly
 * or below one: a shell's background {@code sleep}, a double fork): after the class's own clean-up,
 * the survivors carrying this run's id get up to {@value #GRACE_SECONDS} seconds to go (a process
 * sent {@code SIGTERM} may take a while on a loaded host), then are killed and named in the
 * failure. Registered for every IT by failsafe ({@code META-INF/services}, with extension
 * autodetection on in the pom); a class that started nothing costs nothing.
 */
public final class LeftoverProcessCheck implements BeforeAllCallback, AfterAllCallback {
  static final int GRACE_SECONDS = 30;
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(LeftoverProcessCheck.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NS).put("started", Spawned.started());
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    Long before = context.getStore(NS).get("started", Long.class);
    if (before != null && before == Spawned.started()) {
      return;
    }
    List<ProcessHandle> left = Spawned.survivors();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      left = Spawned.survivors();
    }
    if (left.isEmpty()) {
      return;
    }
    String named = left.stream().map(Spawned::describe).collect(Collectors.joining("\n  "));
    for (ProcessHandle p : left) {
      Spawned.killTree(p, 10);
    }
    throw new AssertionError(
        context.getDisplayName()
            + " left "
            + left.size()
            + " process(es) it started running "
            + GRACE_SECONDS
            + " s after its clean-up (now killed):\n  "
            + named);
  }
}
