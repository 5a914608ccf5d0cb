package dev.psinfo.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text JMX clients show for an attribute getter, an operation or an operation parameter of an
 * MXBean interface (JConsole shows it as a tooltip). Say what the value is and in what unit. Read
 * by {@link DescribedMBean}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Description {
  String value();
}
