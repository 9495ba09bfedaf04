package org.iotplatform.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A minimal service for the tests. It imports its controller instead of scanning this package, so
 * that {@link ProblemDetailsAdvice} can only come from the auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WidgetController.class)
class WebTestApplication {}
