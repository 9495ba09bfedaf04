package org.iotplatform.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.iotplatform.alerts.AlertEngineITBase;
import org.iotplatform.alerts.ChannelDirectory;
import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.iotplatform.alerts.rule.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The channels' REST API, and the directory the notification feature asks per alert. */
class ChannelApiIT extends AlertEngineITBase {

  private static final String CHANNELS = "/api/v1/alert-channels";
  private static final String RULES = "/api/v1/alert-rules";

  @LocalServerPort int port;
  @Autowired ChannelDirectory underTest;

  @Test
  void showsAWebhooksSecretOnlyAtCreationAndRotation() {
    TestApi api = TestApi.operator(port, "tenant-hooks");

    TestApi.Response created = api.post(CHANNELS, webhook("ops", "https://hooks.example.org/ops"));

    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("id").asString();
    String secret = created.body().path("secret").asString();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(created.header("Location")).contains(CHANNELS + "/" + id);
    assertThat(api.get(CHANNELS + "/" + id).body().path("secret").isNull()).isTrue();

    TestApi.Response rotated = api.post(CHANNELS + "/" + id + "/secret", null);
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.body().path("secret").asString()).isNotEqualTo(secret).isNotBlank();
    assertThat(rotated.header("ETag")).contains("\"2\"");

    assertThat(
            api.put(CHANNELS + "/" + id, webhook("ops", "https://x.example.org"), "\"1\"")
                .errorCode())
        .isEqualTo("channel.version-conflict");
    TestApi.Response renamed =
        api.put(CHANNELS + "/" + id, webhook("ops-2", "https://x.example.org"), "\"2\"");
    assertThat(renamed.body().path("name").asString()).isEqualTo("ops-2");
    assertThat(api.get(CHANNELS).body().path("items")).hasSize(1);
    assertThat(TestApi.operator(port, "tenant-other").get(CHANNELS + "/" + id).errorCode())
        .isEqualTo("channel.not-found");
    assertThat(api.delete(CHANNELS + "/" + id).status()).isEqualTo(204);
    assertThat(api.get(CHANNELS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    TestApi.Response refused =
        TestApi.operator(port, "tenant-hooks").post(CHANNELS, webhook("bad", "gopher://x.org"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("channel.invalid");
  }

  @Test
  void givesTheRulesChannelsInOrderAndKeepsAChannelInUse() {
    String tenant = "tenant-directory";
    TestApi api = TestApi.operator(port, tenant);
    String hook =
        api.post(CHANNELS, webhook("hook", "http://127.0.0.1:9/hook")).body().path("id").asString();
    String mail =
        api.post(
                CHANNELS,
                "{\"name\":\"mail\",\"kind\":\"EMAIL\",\"recipients\":[\"ops@example.org\"]}")
            .body()
            .path("id")
            .asString();
    String ruleId =
        api.post(RULES, rule("\"" + mail + "\",\"" + hook + "\"")).body().path("id").asString();

    List<ChannelTarget> targets = underTest.channelsOf(tenant, ruleId);

    assertThat(targets).extracting(ChannelTarget::channelId).containsExactly(mail, hook);
    assertThat(targets.get(0).recipients()).containsExactly("ops@example.org");
    assertThat(targets.get(1).kind()).isEqualTo(ChannelTarget.WEBHOOK);
    assertThat(targets.get(1).url()).isEqualTo(URI.create("http://127.0.0.1:9/hook"));
    assertThat(targets.get(1).secret()).isNotBlank();
    assertThat(underTest.channelsOf("tenant-other", ruleId)).isEmpty();

    TestApi.Response inUse = api.delete(CHANNELS + "/" + hook);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.errorCode()).isEqualTo("channel.in-use");

    api.put(RULES + "/" + ruleId, rule("\"" + mail + "\""), null);
    assertThat(underTest.channelsOf(tenant, ruleId))
        .extracting(ChannelTarget::channelId)
        .containsExactly(mail);
    assertThat(api.delete(CHANNELS + "/" + hook).status()).isEqualTo(204);
    api.delete(RULES + "/" + ruleId);
    assertThat(underTest.channelsOf(tenant, ruleId)).isEmpty();
  }

  private static String webhook(String name, String url) {
    return "{\"name\":\"%s\",\"kind\":\"WEBHOOK\",\"url\":\"%s\"}".formatted(name, url);
  }

  private static String rule(String channels) {
    return """
        {"name":"r","scope":{"kind":"TENANT"},"condition":{"type":"THRESHOLD","metric":"t",
         "operator":"GT","value":1},"severity":"LOW","channels":[%s]}"""
        .formatted(channels);
  }
}
