package dev.psinfo.agent;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InstanceNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;

/**
 * A jmxutils bean, served from a private MBeanServer, with an honest impact on its operations:
 * jmxutils gives every operation {@code UNKNOWN}; here the named ones are {@code ACTION} (they
 * change the agent's settings) and the others {@code INFO}. Everything else is passed through.
 * Thread-safe.
 */
final class ActionImpact implements DynamicMBean {
  private final MBeanServer inner;
  private final ObjectName name;
  private final Set<String> actions;
  private final MBeanInfo info;

  /**
   * @param inner the private server the jmxutils bean is exported to
   * @param name its name there
   * @param actions the operations that change something
   */
  ActionImpact(MBeanServer inner, ObjectName name, Set<String> actions) throws JMException {
    this.inner = requireNonNull(inner, "inner is null");
    this.name = requireNonNull(name, "name is null");
    this.actions = Set.copyOf(actions);
    this.info = withImpacts(inner.getMBeanInfo(name));
  }

  private MBeanInfo withImpacts(MBeanInfo i) {
    MBeanOperationInfo[] ops = i.getOperations();
    MBeanOperationInfo[] out = new MBeanOperationInfo[ops.length];
    for (int k = 0; k < ops.length; k++) {
      MBeanOperationInfo o = ops[k];
      out[k] =
          new MBeanOperationInfo(
              o.getName(),
              o.getDescription(),
              o.getSignature(),
              o.getReturnType(),
              actions.contains(o.getName()) ? MBeanOperationInfo.ACTION : MBeanOperationInfo.INFO,
              o.getDescriptor());
    }
    return new MBeanInfo(
        i.getClassName(),
        i.getDescription(),
        i.getAttributes(),
        i.getConstructors(),
        out,
        i.getNotifications(),
        i.getDescriptor());
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    return info;
  }

  @Override
  public Object getAttribute(String attribute)
      throws AttributeNotFoundException, MBeanException, ReflectionException {
    try {
      return inner.getAttribute(name, attribute);
    } catch (InstanceNotFoundException e) {
      throw new ReflectionException(e);
    }
  }

  @Override
  public void setAttribute(Attribute attribute)
      throws AttributeNotFoundException,
          InvalidAttributeValueException,
          MBeanException,
          ReflectionException {
    try {
      inner.setAttribute(name, attribute);
    } catch (InstanceNotFoundException e) {
      throw new ReflectionException(e);
    }
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    try {
      return inner.getAttributes(name, attributes);
    } catch (InstanceNotFoundException | ReflectionException e) {
      return new AttributeList();
    }
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    try {
      return inner.setAttributes(name, attributes);
    } catch (InstanceNotFoundException | ReflectionException e) {
      return new AttributeList();
    }
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature)
      throws MBeanException, ReflectionException {
    try {
      return inner.invoke(name, actionName, params, signature);
    } catch (InstanceNotFoundException e) {
      throw new ReflectionException(e);
    }
  }
}
