package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import javax.management.ListenerNotFoundException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * A {@link DescribedMBean} whose implementation also sends notifications: listeners are handed to
 * it, and its {@link NotificationEmitter#getNotificationInfo()} is in the bean's {@link MBeanInfo}
 * (a plain {@code StandardMBean} forwards neither).
 */
public final class DescribedEmitterMBean<T> extends DescribedMBean<T>
    implements NotificationEmitter {
  private final NotificationEmitter emitter;

  /** Wraps {@code implementation}, which must be a {@link NotificationEmitter}. */
  public DescribedEmitterMBean(T implementation, Class<T> mxbeanInterface) {
    super(implementation, mxbeanInterface);
    this.emitter = (NotificationEmitter) requireNonNull(implementation, "implementation is null");
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    MBeanInfo i = super.getMBeanInfo();
    return new MBeanInfo(
        i.getClassName(),
        i.getDescription(),
        i.getAttributes(),
        i.getConstructors(),
        i.getOperations(),
        getNotificationInfo(),
        i.getDescriptor());
  }

  @Override
  public void addNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback) {
    emitter.addNotificationListener(listener, filter, handback);
  }

  @Override
  public void removeNotificationListener(NotificationListener listener)
      throws ListenerNotFoundException {
    emitter.removeNotificationListener(listener);
  }

  @Override
  public void removeNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback)
      throws ListenerNotFoundException {
    emitter.removeNotificationListener(listener, filter, handback);
  }

  /** A group's poller stops when its bean is unregistered, whoever still listens. */
  @Override
  public void postDeregister() {
    super.postDeregister();
    if (emitter instanceof ProcessGroup g) {
      g.stop();
    }
  }

  @Override
  public MBeanNotificationInfo[] getNotificationInfo() {
    return emitter.getNotificationInfo();
  }
}
