package org.iotplatform.registry.devicetype;

import java.net.URI;
import java.util.List;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/device-types")
class DeviceTypeController {

  private final DeviceTypeManagement management;
  private final CurrentTenant tenant;

  DeviceTypeController(DeviceTypeManagement management, CurrentTenant tenant) {
    this.management = management;
    this.tenant = tenant;
  }

  @PostMapping
  ResponseEntity<DeviceTypeResponse> create(@RequestBody DeviceTypeRequest request) {
    DeviceTypeResponse created = management.create(tenant.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/device-types/" + created.name()))
        .body(created);
  }

  @GetMapping("/{name}")
  DeviceTypeResponse get(@PathVariable String name) {
    return management.get(tenant.id(), name);
  }

  @GetMapping
  List<DeviceTypeResponse> list() {
    return management.list(tenant.id());
  }

  @PutMapping("/{name}")
  DeviceTypeResponse update(@PathVariable String name, @RequestBody DeviceTypeRequest request) {
    return management.update(tenant.id(), name, request);
  }

  @DeleteMapping("/{name}")
  ResponseEntity<Void> delete(@PathVariable String name) {
    management.delete(tenant.id(), name);
    return ResponseEntity.noContent().build();
  }
}
