package org.iotplatform.web;

import org.springframework.http.HttpStatus;

/** A catalogue entry as a service would declare one, for tests. */
record TestErrorCode(HttpStatus status, String code, String title, String hint)
    implements ErrorCode {

  static final ErrorCode WIDGET_NOT_FOUND =
      new TestErrorCode(
          HttpStatus.NOT_FOUND,
          "widget.not-found",
          "No such widget",
          "List the widgets to find its id.");
}
