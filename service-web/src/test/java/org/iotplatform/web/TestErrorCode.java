package org.iotplatform.web;

import org.springframework.http.HttpStatus;

/** A catalogue entry as a service would declare one, for tests. */
record TestErrorCode(ErrorSpec spec) implements ErrorCode {

  static final ErrorCode WIDGET_NOT_FOUND =
      new TestErrorCode(
          new ErrorSpec(
              HttpStatus.NOT_FOUND,
              "widget.not-found",
              "No such widget",
              "List the widgets to find its id."));
}
