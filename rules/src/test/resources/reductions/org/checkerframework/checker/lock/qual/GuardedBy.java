package org.checkerframework.checker.lock.qual;

import java.lang.annotation.*;

@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE_USE})
public @interface GuardedBy {
  String[] value() default {};
}
