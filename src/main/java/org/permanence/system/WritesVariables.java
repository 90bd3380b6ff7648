package org.permanence.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The process variables a worker sets when it completes its task. The deployment guard reads it to
 * know which variables a decision table may use after that task; a worker that sets none leaves it off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WritesVariables {

    String[] value();
}
