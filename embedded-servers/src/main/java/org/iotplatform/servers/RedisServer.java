package org.iotplatform.servers;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis ({@code redis-server} of the Debian package {@code redis-server}) as a child process, bound
 * to 127.0.0.1.
 *
 * <p>With a data directory it is durable: an append-only file synced every second, so a restart
 * finds the data. Without, it keeps data in memory only. Its output goes to {@code redis.log} in
 * its directory.
 */
public final class RedisServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final ChildProcess process;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable RedisClient client;
  private @Nullable StatefulRedisConnection<String, String> connection;

  private RedisServer(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code redis-server} on {@code port} (0 = a free port). With a {@code dataDir}, the data
   * survives a restart; without, it is kept in memory only.
   */
  public static RedisServer start(int port, @Nullable Path dataDir) {
    Path binary = OsPackages.redisServer();
    return FreePorts.startOnFreePort(port, p -> startOn(binary, p, dataDir));
  }

  private static RedisServer startOn(Path binary, int port, @Nullable Path dataDir) {
    FreePorts.requireFree(port, "Redis");
    WorkDir workDir = WorkDir.of(dataDir, "redis");
    try {
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              binary.toString(),
              "--port",
              Integer.toString(port),
              "--bind",
              FreePorts.LOOPBACK,
              "--dir",
              workDir.path().toString(),
              "--daemonize",
              "no",
              "--logfile",
              "",
              "--save",
              ""));
      if (workDir.isTemporary()) {
        command.addAll(List.of("--appendonly", "no"));
      } else {
        command.addAll(List.of("--appendonly", "yes", "--appendfsync", "everysec"));
      }
      ChildProcess process = ChildProcess.start("Redis", command, workDir, "redis.log", "");
      process.awaitReady(START_TIMEOUT, () -> answersPing(port));
      LOG.info("Redis listening on {}:{}, data in {}", FreePorts.LOOPBACK, port, workDir.path());
      return new RedisServer(process, port);
    } catch (RuntimeException e) {
      workDir.close();
      throw e;
    }
  }

  /** {@code redis://127.0.0.1:port}, for Lettuce. */
  public String uri() {
    return "redis://" + FreePorts.LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Deletes all keys of all databases. */
  public synchronized void flushAll() {
    if (connection == null) {
      client = RedisClient.create(uri());
      connection = client.connect();
    }
    connection.sync().flushall();
  }

  /**
   * Stops the server (SIGTERM: Redis flushes its append-only file and exits) and deletes a
   * temporary data directory.
   */
  @Override
  public synchronized void close() {
    if (closeClient()) {
      process.close();
    }
  }

  /**
   * Kills the server (SIGKILL), as a crash would, for fault tests: what Redis had written to its
   * append-only file survives, nothing else is flushed.
   */
  public synchronized void kill() {
    if (closeClient()) {
      process.kill();
    }
  }

  /** Closes the flushing client; false when the server was already stopped. */
  private boolean closeClient() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
    return true;
  }

  /** A plain RESP PING, so that readiness needs no client threads. */
  private static boolean answersPing(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePorts.loopback(), port), 1000);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readNBytes(7);
      return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }
}
