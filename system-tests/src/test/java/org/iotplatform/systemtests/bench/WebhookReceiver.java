package org.iotplatform.systemtests.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook endpoint on loopback that notes when each alert id first arrived in a body (a grouped
 * notification names several) and answers 204 at once.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final Pattern ALERT_ID = Pattern.compile("\"alertId\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpServer server;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/hook",
        exchange -> {
          long now = System.nanoTime();
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), UTF_8);
          }
          calls.incrementAndGet();
          Matcher matcher = ALERT_ID.matcher(body);
          while (matcher.find()) {
            arrivals.putIfAbsent(matcher.group(1), now);
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** When (System.nanoTime) a body first named {@code alertId}, or null. */
  Long arrival(String alertId) {
    return arrivals.get(alertId);
  }

  long calls() {
    return calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
