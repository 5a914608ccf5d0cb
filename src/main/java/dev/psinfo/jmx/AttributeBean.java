package dev.psinfo.jmx;

import static java.util.Objects.requireNonNull;

import dev.psinfo.host.Attribute;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An MXBean interface of getters answered by the host's declarations of its attributes ({@code
 * host.SystemAttribute}, {@code host.CoverageAttribute}): each getter ({@code getX}, {@code isX})
 * reads the attribute named {@code X}, so the interface (the contract, with a {@link Description}
 * per getter) and the declaration (where the host keeps the value) are the only places an attribute
 * is written; no adapter repeats them getter by getter. Built once per bean; a getter without its
 * attribute, an attribute without its getter or a type that differs is an {@link
 * IllegalStateException} when the bean is made. Thread-safe when {@code values} is.
 */
final class AttributeBean implements InvocationHandler {
  private final String className;
  private final Map<Method, Object> attributes;
  private final Function<Object, Object> values;

  private AttributeBean(
      String className, Map<Method, Object> attributes, Function<Object, Object> values) {
    this.className = className;
    this.attributes = attributes;
    this.values = values;
  }

  /**
   * The bean: an implementation of {@code mxbean} whose getters answer {@code values} of their
   * attribute.
   *
   * @param className what the bean's {@code MBeanInfo} names as its class ({@link DescribedMBean}
   *     reports it instead of the proxy's)
   * @throws IllegalStateException when the interface and the attributes do not match one to one
   */
  static <T, A extends Enum<A> & Attribute> T of(
      Class<T> mxbean, Class<A> declared, String className, Function<A, Object> values) {
    requireNonNull(values, "values is null");
    Map<String, A> byName = new HashMap<>();
    for (A a : declared.getEnumConstants()) {
      byName.put(a.attributeName(), a);
    }
    Set<A> unmatched = EnumSet.allOf(declared);
    Map<Method, Object> attributes = new HashMap<>();
    for (Method m : mxbean.getMethods()) {
      String name = attributeName(m);
      A a = name == null ? null : byName.get(name);
      if (a == null) {
        throw new IllegalStateException(
            mxbean.getSimpleName() + "." + m.getName() + " has no " + declared.getSimpleName());
      }
      if (boxed(m.getReturnType()) != a.type()) {
        throw new IllegalStateException(
            mxbean.getSimpleName()
                + "."
                + m.getName()
                + " returns "
                + m.getReturnType().getSimpleName()
                + " but "
                + declared.getSimpleName()
                + "."
                + a
                + " is a "
                + a.type().getSimpleName());
      }
      attributes.put(m, a);
      unmatched.remove(a);
    }
    if (!unmatched.isEmpty()) {
      throw new IllegalStateException(
          mxbean.getSimpleName() + " has no getter for " + declared.getSimpleName() + unmatched);
    }
    Function<Object, Object> read = a -> values.apply(declared.cast(a));
    return mxbean.cast(
        Proxy.newProxyInstance(
            mxbean.getClassLoader(),
            new Class<?>[] {mxbean},
            new AttributeBean(className, Map.copyOf(attributes), read)));
  }

  /** {@code getX} or {@code isX} (boolean) without parameters: {@code X}; else null. */
  private static String attributeName(Method m) {
    if (m.getParameterCount() != 0) {
      return null;
    }
    String n = m.getName();
    if (n.startsWith("get") && n.length() > 3) {
      return n.substring(3);
    }
    if (n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class) {
      return n.substring(2);
    }
    return null;
  }

  private static Class<?> boxed(Class<?> type) {
    if (type == int.class) {
      return Integer.class;
    } else if (type == long.class) {
      return Long.class;
    } else if (type == double.class) {
      return Double.class;
    } else if (type == boolean.class) {
      return Boolean.class;
    }
    return type;
  }

  /**
   * What the bean's {@code MBeanInfo} names as its class, or null when {@code o} is no such bean.
   */
  static String className(Object o) {
    return Proxy.isProxyClass(o.getClass())
            && Proxy.getInvocationHandler(o) instanceof AttributeBean b
        ? b.className
        : null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) {
    Object a = attributes.get(method);
    if (a != null) {
      return values.apply(a);
    }
    return switch (method.getName()) {
      case "equals" -> args != null && args.length == 1 && proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      case "toString" -> className;
      default -> throw new UnsupportedOperationException(method.toString());
    };
  }
}
