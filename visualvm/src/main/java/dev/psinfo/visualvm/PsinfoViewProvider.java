package dev.psinfo.visualvm;

import dev.psinfo.jconsole.PsinfoViews;
import java.util.List;
import org.graalvm.visualvm.application.Application;
import org.graalvm.visualvm.core.ui.DataSourceView;
import org.graalvm.visualvm.core.ui.DataSourceViewProvider;

/**
 * One of the three views an application's window may get: Processes and System when its JVM carries
 * the psinfo MBeans, or the {@code psinfo} view with the {@code attach} command when it does not.
 * VisualVM asks {@link #supportsViewFor} off the event thread while it opens the window; the answer
 * comes from the application's {@link Session} (one JMX round trip, the first time). A JVM VisualVM
 * has no JMX connection to gets none of them.
 */
final class PsinfoViewProvider extends DataSourceViewProvider<Application> {
  /** Which view, and where it goes among VisualVM's own (Overview 10, Monitor 20, Threads 30). */
  enum Kind {
    PROCESSES("Processes", 45, true),
    SYSTEM("System", 46, true),
    ABSENT("psinfo", 45, false);

    final String title;
    final int position;
    final boolean whenPresent;

    Kind(String title, int position, boolean whenPresent) {
      this.title = title;
      this.position = position;
      this.whenPresent = whenPresent;
    }
  }

  static final List<PsinfoViewProvider> ALL =
      List.of(
          new PsinfoViewProvider(Kind.PROCESSES),
          new PsinfoViewProvider(Kind.SYSTEM),
          new PsinfoViewProvider(Kind.ABSENT));

  private final Kind kind;

  private PsinfoViewProvider(Kind kind) {
    this.kind = kind;
  }

  @Override
  protected boolean supportsViewFor(Application application) {
    Session s = Session.of(application);
    if (s == null) {
      return false;
    }
    return s.present() == kind.whenPresent;
  }

  @Override
  protected DataSourceView createView(Application application) {
    return new PsinfoView(application, kind, Session.of(application));
  }

  static void traceLoaded() {
    PsinfoViews.trace("visualvm module loaded");
  }
}
