package dev.psinfo.jmx;

import dev.psinfo.sampling.ProcessSampler;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;

/**
 * Registers an MXBean with the descriptions written as {@link Description} annotations on its
 * interface, so that JMX clients show what each attribute, operation and parameter means instead of
 * repeating its name. Parameter names come from the annotation's text before the first colon
 * ({@code @Description("n: how many rows")}), since MXBean interfaces lose them at run time.
 * Operations get an honest impact: {@code INFO} (they only read).
 */
public class DescribedMBean<T> extends StandardMBean {
  private final Class<T> mxbeanInterface;
  private final ProcessSampler sampler;

  /** Wraps {@code implementation} as an MXBean of {@code mxbeanInterface}. */
  public DescribedMBean(T implementation, Class<T> mxbeanInterface) {
    this(implementation, mxbeanInterface, null);
  }

  /**
   * Wraps {@code implementation} as an MXBean of {@code mxbeanInterface} whose {@code
   * getAttributes} answers from one snapshot of {@code sampler} (see {@link
   * ProcessSampler#answer}).
   *
   * @param sampler the snapshots the implementation reads; null: no pinning
   */
  public DescribedMBean(T implementation, Class<T> mxbeanInterface, ProcessSampler sampler) {
    super(implementation, mxbeanInterface, true);
    this.mxbeanInterface = mxbeanInterface;
    this.sampler = sampler;
  }

  /** With a sampler: every attribute of one call comes from one snapshot. */
  @Override
  public AttributeList getAttributes(String[] attributes) {
    return sampler == null
        ? super.getAttributes(attributes)
        : sampler.answer(() -> super.getAttributes(attributes));
  }

  /** The bean's class: for an {@link AttributeBean}, the class that made it, not its proxy's. */
  @Override
  protected String getClassName(MBeanInfo info) {
    String made = AttributeBean.className(getImplementation());
    return made != null ? made : super.getClassName(info);
  }

  @Override
  protected String getDescription(MBeanInfo info) {
    Description d = mxbeanInterface.getAnnotation(Description.class);
    return d != null ? d.value() : super.getDescription(info);
  }

  @Override
  protected String getDescription(MBeanAttributeInfo info) {
    for (String prefix : new String[] {"get", "is"}) {
      Method m = method(prefix + info.getName(), 0);
      if (m != null && m.getAnnotation(Description.class) != null) {
        return m.getAnnotation(Description.class).value();
      }
    }
    return super.getDescription(info);
  }

  @Override
  protected String getDescription(MBeanOperationInfo info) {
    Method m = method(info.getName(), info.getSignature().length);
    Description d = m == null ? null : m.getAnnotation(Description.class);
    return d != null ? d.value() : super.getDescription(info);
  }

  /**
   * {@code INFO} for every operation (the beans change nothing on the host); the MXBean default
   * would be {@code UNKNOWN}, which tells a client nothing.
   */
  @Override
  protected int getImpact(MBeanOperationInfo info) {
    return MBeanOperationInfo.INFO;
  }

  @Override
  protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
    Description d = parameterDescription(op, sequence);
    if (d != null && d.value().indexOf(':') > 0) {
      return d.value().substring(0, d.value().indexOf(':')).trim();
    }
    return super.getParameterName(op, param, sequence);
  }

  @Override
  protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
    Description d = parameterDescription(op, sequence);
    if (d != null) {
      int colon = d.value().indexOf(':');
      return colon > 0 ? d.value().substring(colon + 1).trim() : d.value();
    }
    return super.getDescription(op, param, sequence);
  }

  private Description parameterDescription(MBeanOperationInfo op, int sequence) {
    Method m = method(op.getName(), op.getSignature().length);
    if (m == null) {
      return null;
    }
    Parameter[] params = m.getParameters();
    return sequence < params.length ? params[sequence].getAnnotation(Description.class) : null;
  }

  private Method method(String name, int arity) {
    return Arrays.stream(mxbeanInterface.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
        .findFirst()
        .orElse(null);
  }
}
