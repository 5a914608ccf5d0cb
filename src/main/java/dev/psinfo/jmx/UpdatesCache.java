package dev.psinfo.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an MXBean operation that changes the agent's own cache (and nothing else) before it
 * answers: {@link DescribedMBean} gives it the impact {@code ACTION_INFO}. Every other operation is
 * a pure query, with impact {@code INFO}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UpdatesCache {}
