package org.iotplatform.bridge.internal.downlink;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The default node id: host name and a hash of the broker's data folder. It stays the same when the
 * node restarts (so its group resumes where it stopped) and differs between two brokers on one
 * host, which must not share a group: each would get only half of the partitions.
 */
public final class NodeIds {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");
  // A node id is at most 64 characters (as a device id); the hash and its dash take 9.
  private static final int MAX_HOST_LENGTH = 55;

  private NodeIds() {}

  /** The id of the node on {@code host} whose data folder is {@code dataFolder}. */
  public static String of(String host, Path dataFolder) {
    String safeHost = UNSAFE.matcher(host).replaceAll("_");
    if (safeHost.isEmpty()) {
      safeHost = "node";
    }
    if (safeHost.length() > MAX_HOST_LENGTH) {
      safeHost = safeHost.substring(0, MAX_HOST_LENGTH);
    }
    return safeHost + "-" + hash(dataFolder.toAbsolutePath().normalize().toString());
  }

  /** The id of this node, whose data folder is {@code dataFolder}. */
  public static String local(Path dataFolder) {
    return of(hostName(), dataFolder);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  private static String hash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
