package dev.psinfo.jmx;

import javax.management.ListenerNotFoundException;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;

/**
 * A bean whose notifications another object sends (a {@link ProcessEvents} emitter): JMX hands
 * listeners to the registered bean, which must be the {@link NotificationEmitter} itself, and this
 * hands them on. Used by {@link ProcessTable} and {@link DescribedEmitterMBean}.
 */
interface ForwardingEmitter extends NotificationEmitter {
  /** What sends the notifications and keeps the listeners. */
  NotificationEmitter emitter();

  @Override
  default void addNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback) {
    emitter().addNotificationListener(listener, filter, handback);
  }

  @Override
  default void removeNotificationListener(NotificationListener listener)
      throws ListenerNotFoundException {
    emitter().removeNotificationListener(listener);
  }

  @Override
  default void removeNotificationListener(
      NotificationListener listener, NotificationFilter filter, Object handback)
      throws ListenerNotFoundException {
    emitter().removeNotificationListener(listener, filter, handback);
  }

  @Override
  default MBeanNotificationInfo[] getNotificationInfo() {
    return emitter().getNotificationInfo();
  }
}
