package org.iotplatform.alerts.channel;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** The channel feature's entries of the service's error catalogue. */
public enum ChannelError implements ErrorCode {
  CHANNEL_INVALID(
      HttpStatus.BAD_REQUEST,
      "channel.invalid",
      "Invalid channel",
      "Correct the field named above and send the request again."),
  CHANNEL_NOT_FOUND(
      HttpStatus.NOT_FOUND,
      "channel.not-found",
      "Channel not found",
      "Check the channel id; list the channels at /api/v1/alert-channels."),
  CHANNEL_IN_USE(
      HttpStatus.CONFLICT,
      "channel.in-use",
      "Channel in use",
      "Remove the channel from the rules that name it first (GET /api/v1/alert-rules)."),
  CHANNEL_VERSION_CONFLICT(
      HttpStatus.CONFLICT,
      "channel.version-conflict",
      "Channel changed meanwhile",
      "Read the channel again and retry with its current ETag in If-Match."),
  CHANNEL_NOT_WEBHOOK(
      HttpStatus.CONFLICT,
      "channel.not-webhook",
      "Channel has no secret",
      "Only webhook channels have a signing secret to rotate.");

  private final ErrorSpec spec;

  ChannelError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
