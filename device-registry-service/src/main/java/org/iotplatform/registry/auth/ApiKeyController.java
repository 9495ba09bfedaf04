package org.iotplatform.registry.auth;

import java.net.URI;
import java.util.List;
import org.iotplatform.registry.tenant.CurrentOperator;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API key management; admins only ({@link AuthConfiguration#ADMIN_PATHS}). */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

  private final ApiKeyManagement management;
  private final CurrentTenant tenant;
  private final CurrentOperator operator;

  ApiKeyController(ApiKeyManagement management, CurrentTenant tenant, CurrentOperator operator) {
    this.management = management;
    this.tenant = tenant;
    this.operator = operator;
  }

  @PostMapping
  ResponseEntity<CreatedApiKeyResponse> create(@RequestBody CreateApiKeyRequest request) {
    CreatedApiKeyResponse created = management.create(tenant.id(), request, operator.id());
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id())).body(created);
  }

  @GetMapping
  List<ApiKeyResponse> list() {
    return management.list(tenant.id());
  }

  @GetMapping("/{id}")
  ApiKeyResponse get(@PathVariable String id) {
    return management.get(tenant.id(), id);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable String id) {
    management.revoke(tenant.id(), id);
    return ResponseEntity.noContent().build();
  }
}
