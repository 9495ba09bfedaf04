package org.iotplatform.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tables that {@link PostgresExtension} must not empty before each test of the annotated class, for
 * example reference data that a migration inserts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface KeepTables {

  /** Table names (without schema). */
  String[] value();
}
