package org.iotplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

class ProblemDetailsAutoConfigurationTest {

  private final WebApplicationContextRunner underTest =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ProblemDetailsAutoConfiguration.class, WebMvcAutoConfiguration.class))
          // Services switch Spring Boot's own problem-details handler on; it must stay out.
          .withPropertyValues("spring.mvc.problemdetails.enabled=true");

  @Test
  void registersTheAdviceAsTheOnlyExceptionHandler() {
    underTest.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .getBean(ResponseEntityExceptionHandler.class)
                .isExactlyInstanceOf(ProblemDetailsAdvice.class));
  }

  @Test
  void backsOffWhenTheServiceDeclaresItsOwnHandler() {
    underTest
        .withUserConfiguration(OwnHandler.class)
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(ProblemDetailsAdvice.class)
                    .getBean(ResponseEntityExceptionHandler.class)
                    .isSameAs(context.getBean("ownHandler")));
  }

  @Test
  void staysOutOfApplicationsThatAreNotServletWebApplications() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnHandler {

    @Bean
    ResponseEntityExceptionHandler ownHandler() {
      return new ResponseEntityExceptionHandler() {};
    }
  }
}
