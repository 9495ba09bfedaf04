package org.iotplatform.alerts.alert;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One GreenMail SMTP server per JVM on a free loopback port, the mail server of the service under
 * test; tests tell their messages apart by recipient.
 */
public final class TestMail {

  private static GreenMail server;

  private TestMail() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      GreenMail started =
          new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
      started.start();
      server = started;
    }
    return server;
  }
}
