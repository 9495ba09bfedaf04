/**
 * Test fixtures for the other modules: JUnit 5 extensions that start each real server once per JVM
 * and reset its data between tests, static accessors for Spring's {@code @DynamicPropertySource},
 * device ids and named instants. See the module's README.md.
 */
@NullMarked
package org.iotplatform.testsupport;

import org.jspecify.annotations.NullMarked;
