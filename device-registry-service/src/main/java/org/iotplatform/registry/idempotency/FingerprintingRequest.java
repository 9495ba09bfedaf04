package org.iotplatform.registry.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body is hashed as the handler reads it, so that a streamed body (a bulk import)
 * gets a fingerprint without being held in memory. The fingerprint is SHA-256 over the method, the
 * path with its query, the Content-Type and the body; {@link #fingerprint()} reads what the handler
 * left unread, so it covers the whole body however far the handler read.
 */
final class FingerprintingRequest extends HttpServletRequestWrapper {

  private final MessageDigest digest;
  private @Nullable DigestingStream stream;

  FingerprintingRequest(HttpServletRequest request) {
    super(request);
    digest = sha256();
    String query = request.getQueryString();
    String head =
        request.getMethod()
            + '\n'
            + request.getRequestURI()
            + (query == null ? "" : "?" + query)
            + '\n'
            + String.valueOf(request.getContentType())
            + '\n';
    digest.update(head.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (stream == null) {
      stream = new DigestingStream(super.getInputStream(), digest);
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }

  /** Reads the rest of the body and returns the fingerprint; call once, after the handler. */
  byte[] fingerprint() throws IOException {
    ServletInputStream body = getInputStream();
    byte[] buffer = new byte[8192];
    while (body.read(buffer) >= 0) {
      // Only the digest wants these bytes.
    }
    return digest.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private static final class DigestingStream extends ServletInputStream {

    private final ServletInputStream body;
    private final MessageDigest digest;

    DigestingStream(ServletInputStream body, MessageDigest digest) {
      this.body = body;
      this.digest = digest;
    }

    @Override
    public int read() throws IOException {
      int b = body.read();
      if (b >= 0) {
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = body.read(buffer, offset, length);
      if (count > 0) {
        digest.update(buffer, offset, count);
      }
      return count;
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
