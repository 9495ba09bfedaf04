package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.DeviceUpsert;
import org.iotplatform.registry.provisioning.BulkReport.Failure;
import org.junit.jupiter.api.Test;

class BulkReportTest {

  @Test
  void countsEveryOutcomeAndListsTheFailuresInLineOrder() {
    BulkReport.Builder underTest = new BulkReport.Builder(false, 10);
    for (int i = 0; i < 5; i++) {
      underTest.line();
    }
    underTest.failed(4, null, RegistryError.BULK_MALFORMED_LINE, "bad");
    underTest.outcome(1, "a", new DeviceUpsert(DeviceUpsert.Result.CREATED, null, null));
    underTest.outcome(2, "b", new DeviceUpsert(DeviceUpsert.Result.UPDATED, null, null));
    underTest.outcome(
        3, "c", new DeviceUpsert(DeviceUpsert.Result.FAILED, RegistryError.DEVICE_INVALID, "no"));
    underTest.outcome(5, "e", new DeviceUpsert(DeviceUpsert.Result.UNCHANGED, null, null));

    BulkReport report = underTest.build();

    assertThat(report.lines()).isEqualTo(5);
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.failures())
        .containsExactly(
            new Failure(3, "c", "device.invalid", "no"),
            new Failure(4, null, "bulk.malformed-line", "bad"));
    assertThat(report.failuresOmitted()).isZero();
  }

  @Test
  void listsTheFailuresWithTheLowestLineNumbersUpToTheLimitAndCountsTheRest() {
    BulkReport.Builder underTest = new BulkReport.Builder(true, 2);
    for (int line : new int[] {7, 3, 9, 1}) {
      underTest.line();
      underTest.failed(line, null, RegistryError.BULK_MALFORMED_LINE, "bad");
    }

    BulkReport report = underTest.build();

    assertThat(report.failures()).extracting(Failure::line).containsExactly(1, 3);
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.failuresOmitted()).isEqualTo(2);
    assertThat(report.dryRun()).isTrue();
  }
}
