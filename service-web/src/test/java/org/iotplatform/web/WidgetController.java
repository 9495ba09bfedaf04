package org.iotplatform.web;

import java.util.Map;
import org.iotplatform.web.security.Caller;
import org.iotplatform.web.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A controller that fails the ways a service's controllers do, and tells who calls. */
@RestController
class WidgetController {

  private final CurrentCaller caller;

  WidgetController(CurrentCaller caller) {
    this.caller = caller;
  }

  @GetMapping("/api/v1/widgets/{id}")
  String widget(@PathVariable String id) {
    throw new ApiException(TestErrorCode.WIDGET_NOT_FOUND, "Widget '" + id + "' does not exist.");
  }

  @PostMapping("/api/v1/widgets")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, String> create() {
    return Map.of("id", "w1");
  }

  @GetMapping("/api/v1/broken")
  String broken() {
    throw new IllegalStateException("a bug, not for the caller's eyes");
  }

  @GetMapping("/api/v1/whoami")
  Caller whoami() {
    return caller.get();
  }

  @GetMapping("/api/v1/admin/settings")
  Map<String, String> settings() {
    return Map.of("mode", "strict");
  }

  @GetMapping("/api/v1/open/ping")
  Map<String, String> ping() {
    return Map.of("pong", "true");
  }
}
