package org.iotplatform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A controller that fails the ways a service's controllers do. */
@RestController
class WidgetController {

  @GetMapping("/api/v1/widgets/{id}")
  String widget(@PathVariable String id) {
    throw new ApiException(TestErrorCode.WIDGET_NOT_FOUND, "Widget '" + id + "' does not exist.");
  }

  @GetMapping("/api/v1/broken")
  String broken() {
    throw new IllegalStateException("a bug, not for the caller's eyes");
  }
}
