package dev.psinfo.visualvm;

import org.graalvm.visualvm.application.Application;
import org.graalvm.visualvm.core.ui.DataSourceViewsManager;
import org.openide.modules.ModuleInstall;

/**
 * Registers the views with VisualVM when the module is loaded and removes them when it is unloaded
 * (the module's {@code OpenIDE-Module-Install}).
 */
public final class Installer extends ModuleInstall {
  private static final long serialVersionUID = 1L;

  @Override
  public void restored() {
    DataSourceViewsManager views = DataSourceViewsManager.sharedInstance();
    for (PsinfoViewProvider p : PsinfoViewProvider.ALL) {
      views.addViewProvider(p, Application.class);
    }
    PsinfoViewProvider.traceLoaded();
  }

  @Override
  public void uninstalled() {
    DataSourceViewsManager views = DataSourceViewsManager.sharedInstance();
    for (PsinfoViewProvider p : PsinfoViewProvider.ALL) {
      views.removeViewProvider(p);
    }
  }
}
