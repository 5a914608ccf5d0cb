package dev.psinfo.visualvm;

import dev.psinfo.jconsole.PsinfoViews;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import org.graalvm.visualvm.application.Application;
import org.graalvm.visualvm.core.ui.DataSourceView;
import org.graalvm.visualvm.core.ui.components.DataViewComponent;

/**
 * A tab of the application's window holding one of {@link PsinfoViews}' panels; the application's
 * {@link Session} updates them while any of its tabs is open.
 */
final class PsinfoView extends DataSourceView {
  private static final Image ICON = icon();

  private final PsinfoViewProvider.Kind kind;
  private final Session session;

  PsinfoView(Application application, PsinfoViewProvider.Kind kind, Session session) {
    super(application, kind.title, ICON, kind.position, false);
    this.kind = kind;
    this.session = session;
  }

  @Override
  protected DataViewComponent createComponent() {
    PsinfoViews views = session.views();
    JPanel panel =
        switch (kind) {
          case PROCESSES -> views.processesView();
          case SYSTEM -> views.systemView();
          case ABSENT -> views.absentView();
        };
    PsinfoViews.trace("visualvm view " + kind.title + " made for pid " + session.pid());
    return new DataViewComponent(
        new DataViewComponent.MasterView(kind.title, "", panel),
        new DataViewComponent.MasterViewConfiguration(true));
  }

  @Override
  protected void added() {
    session.viewAdded();
  }

  @Override
  protected void removed() {
    session.viewRemoved();
  }

  /** A 16x16 "ps" badge: the tab's icon, drawn rather than shipped. */
  private static Image icon() {
    BufferedImage i = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = i.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(0x2F, 0x6E, 0xBA));
      g.fillRoundRect(0, 1, 16, 14, 4, 4);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
      g.drawString("ps", 3, 11);
    } finally {
      g.dispose();
    }
    return i;
  }
}
