package org.iotplatform.alerts.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;

/** Checks a channel request field by field; each refusal names the field and the reason. */
final class ChannelValidation {

  static final int MAX_RECIPIENTS = 50;

  // Deliberately loose: the SMTP server is the judge; this only catches what is clearly no address.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

  private ChannelValidation() {}

  /** What a valid request says: for web kinds a URL and no recipients, for e-mail the reverse. */
  record Valid(String name, ChannelKind kind, @Nullable URI url, List<String> recipients) {}

  static Valid validate(ChannelRequest request) {
    String name = request.name();
    if (name == null || name.isBlank() || name.length() > 200) {
      throw invalid("name", "must be 1 to 200 characters");
    }
    ChannelKind kind = kind(request.kind());
    if (kind == ChannelKind.EMAIL) {
      if (request.url() != null) {
        throw invalid("url", "an e-mail channel has recipients, not a URL");
      }
      List<String> recipients = request.recipients();
      if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
        throw invalid("recipients", "must list 1 to " + MAX_RECIPIENTS + " e-mail addresses");
      }
      for (String recipient : recipients) {
        if (recipient == null || !EMAIL.matcher(recipient).matches()) {
          throw invalid("recipients", "'" + recipient + "' is no e-mail address");
        }
      }
      return new Valid(name.strip(), kind, null, List.copyOf(recipients));
    }
    if (request.recipients() != null && !request.recipients().isEmpty()) {
      throw invalid("recipients", "only e-mail channels have recipients");
    }
    return new Valid(name.strip(), kind, url(request.url()), List.of());
  }

  private static ChannelKind kind(@Nullable String kind) {
    if (kind != null) {
      try {
        return ChannelKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // Refused below.
      }
    }
    throw invalid("kind", "must be WEBHOOK, SLACK or EMAIL, got " + kind);
  }

  private static URI url(@Nullable String url) {
    if (url == null || url.isBlank() || url.length() > 2048) {
      throw invalid("url", "must be an http or https URL of at most 2048 characters");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Refused below.
    }
    throw invalid("url", "must be an absolute http or https URL, got " + url);
  }

  static ApiException invalid(String field, String reason) {
    return new ApiException(ChannelError.CHANNEL_INVALID, field + ": " + reason + ".");
  }
}
