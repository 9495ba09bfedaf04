package org.iotplatform.registry.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.time.Clock;
import java.util.Set;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

  /** The POSTs that take an Idempotency-Key: the creates that devices or scripts may retry. */
  static final Set<String> PATHS = Set.of("/api/v1/devices", "/api/v1/devices:bulk");

  /**
   * After Spring Security's filters (order -100), should the registry get them: the key belongs to
   * the authenticated caller's tenant.
   */
  static final int ORDER = 0;

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyKeyRepository keys,
      CurrentTenant tenant,
      IdempotencyProperties properties,
      Clock clock,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(
            new IdempotencyFilter(PATHS, keys, tenant, properties, clock, errors));
    registration.setOrder(ORDER);
    return registration;
  }

  /** Documents the header on the guarded operations of the OpenAPI description. */
  @Bean
  OpenApiCustomizer idempotencyKeyHeader() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      for (String path : PATHS) {
        PathItem item = openApi.getPaths().get(path);
        Operation post = item == null ? null : item.getPost();
        if (post != null) {
          post.addParametersItem(
              new HeaderParameter()
                  .name(IdempotencyFilter.HEADER)
                  .required(false)
                  .description(
                      "Any 1 to 255 visible ASCII characters (a UUID, say). A retry with the same"
                          + " key and request within 24 h gets the first 2xx answer again; the"
                          + " same key with another request is a 422.")
                  .schema(new StringSchema().maxLength(IdempotencyKeys.MAX_LENGTH)));
        }
      }
    };
  }
}
