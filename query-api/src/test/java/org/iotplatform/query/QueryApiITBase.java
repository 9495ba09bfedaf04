package org.iotplatform.query;

import org.iotplatform.contracts.Tenants;
import org.iotplatform.testsupport.InfluxExtension;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query API booted on a random port against the JVM's real InfluxDB, which {@link
 * InfluxExtension} empties before each test. Integration tests extend it so that they share one
 * Spring context. Tokens are {@link TestJwts}'s; the autowired client sends a viewer's of the
 * tenant {@code default} with every request that has no {@code Authorization} header of its own.
 */
@ExtendWith(InfluxExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(QueryApiITBase.ViewerOfTheDefaultTenant.class)
public abstract class QueryApiITBase {

  @DynamicPropertySource
  static void influx(DynamicPropertyRegistry registry) {
    registry.add("iot.query.influx.url", () -> TestServers.influx().url());
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
  }

  /** Gives the autowired client a viewer's token of the tenant {@code default}. */
  @TestConfiguration(proxyBeanMethods = false)
  static class ViewerOfTheDefaultTenant {

    @Bean
    RestTestClientBuilderCustomizer viewerOfTheDefaultTenant() {
      return builder ->
          builder.requestInterceptor(
              (request, body, execution) -> {
                if (request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION) == null) {
                  request.getHeaders().setBearerAuth(TestJwts.token(Tenants.DEFAULT, "viewer"));
                }
                return execution.execute(request, body);
              });
    }
  }
}
