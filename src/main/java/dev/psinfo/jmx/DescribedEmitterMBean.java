package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.sampling.ProcessSampler;
import javax.management.MBeanInfo;
import javax.management.NotificationEmitter;

/**
 * A {@link DescribedMBean} whose implementation also sends notifications: listeners are handed to
 * it, and its {@link NotificationEmitter#getNotificationInfo()} is in the bean's {@link MBeanInfo}
 * (a plain {@code StandardMBean} forwards neither).
 */
public final class DescribedEmitterMBean<T> extends DescribedMBean<T> implements ForwardingEmitter {
  private final NotificationEmitter emitter;

  private final Runnable onUnregister;

  /**
   * Wraps {@code implementation}, whose notifications {@code emitter} sends.
   *
   * @param onUnregister run when the bean is unregistered (stops a poller, whoever still listens)
   */
  public DescribedEmitterMBean(
      T implementation,
      Class<T> mxbeanInterface,
      NotificationEmitter emitter,
      Runnable onUnregister) {
    this(implementation, mxbeanInterface, emitter, onUnregister, null);
  }

  /**
   * As {@link #DescribedEmitterMBean(Object, Class, NotificationEmitter, Runnable)}, answering each
   * {@code getAttributes} from one snapshot of {@code sampler} (null: no pinning).
   */
  public DescribedEmitterMBean(
      T implementation,
      Class<T> mxbeanInterface,
      NotificationEmitter emitter,
      Runnable onUnregister,
      ProcessSampler sampler) {
    super(implementation, mxbeanInterface, sampler);
    this.emitter = requireNonNull(emitter, "emitter is null");
    this.onUnregister = requireNonNull(onUnregister, "onUnregister is null");
  }

  /** A group's bean: its attributes, its notifications, its poller stopped with the bean. */
  public static DescribedEmitterMBean<ProcessGroupMXBean> of(ProcessGroup group) {
    return of(group, null);
  }

  /** As {@link #of(ProcessGroup)}, answering each {@code getAttributes} from one snapshot. */
  public static DescribedEmitterMBean<ProcessGroupMXBean> of(
      ProcessGroup group, ProcessSampler sampler) {
    return new DescribedEmitterMBean<>(
        group, ProcessGroupMXBean.class, group.emitter(), group::stop, sampler);
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
  public void postDeregister() {
    super.postDeregister();
    onUnregister.run();
  }

  @Override
  public NotificationEmitter emitter() {
    return emitter;
  }
}
