package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.iotplatform.bridge.internal.view.DeviceView;
import org.iotplatform.bridge.internal.view.TestSnapshots;
import org.iotplatform.bridge.internal.view.TestViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionRevokerTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final DeviceView view = new DeviceView(10);
  private final Sessions sessions = new Sessions();
  private final List<String> disconnected = new ArrayList<>();
  private final SessionRevoker underTest =
      new SessionRevoker(
          view,
          sessions,
          (clientId, reason) -> disconnected.add(clientId),
          new AuthMetrics(new MetricRegistry()),
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          });

  @BeforeEach
  void openSession() {
    TestViews.ready(view, "d-1", "c-1", "h", null);
    sessions.opened("d-1", "c-1");
  }

  @Test
  void disconnectsWhenANewSnapshotRevokesTheSessionsCredential() {
    TestViews.put(view, "d-1", 2, "c-1", "h", NOW);

    underTest.deviceChanged("d-1");

    assertThat(disconnected).containsExactly("d-1");
    assertThat(sessions.credential("d-1")).isEmpty();
  }

  @Test
  void disconnectsWhenTheDeviceIsDeleted() {
    view.onChange(underTest::deviceChanged);
    // a tombstone, through the view's own path
    TestViews.delete(view, "d-1");

    assertThat(disconnected).containsExactly("d-1");
  }

  @Test
  void keepsTheSessionWhenTheCredentialIsStillValid() {
    TestViews.put(view, "d-1", 2, "c-1", "h", NOW.plusSeconds(60));

    underTest.deviceChanged("d-1");

    assertThat(disconnected).isEmpty();
  }

  @Test
  void disconnectsOnTheRecheckOnceARotationsOverlapEnded() {
    TestViews.put(view, "d-1", 2, "c-1", "h", NOW.plusSeconds(60));
    underTest.recheckAll();
    assertThat(disconnected).isEmpty();

    now.set(NOW.plusSeconds(60));
    underTest.recheckAll();

    assertThat(disconnected).containsExactly("d-1");
  }

  @Test
  void disconnectsWhenANewSnapshotRevokesTheSessionsCertificate() {
    TestViews.ready(
        view, TestSnapshots.snapshot("d-2", 1, TestSnapshots.certificate("cert-2", "ab", null)));
    sessions.opened("d-2", "cert-2");
    TestViews.ready(
        view, TestSnapshots.snapshot("d-2", 2, TestSnapshots.certificate("cert-2", "ab", NOW)));

    underTest.deviceChanged("d-2");

    assertThat(disconnected).containsExactly("d-2");
  }
}
