package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundOutput;
import com.hivemq.extension.sdk.api.packets.puback.PubackPacket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The broker's side (input, output, async) is stubbed: the SDK offers interfaces only. */
class AckGateTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(61);

  private final PendingAcks acks = new PendingAcks();
  private final AckGate underTest = new AckGate(acks, TIMEOUT);
  private final PubackOutboundOutput output = mock(PubackOutboundOutput.class);

  @SuppressWarnings("unchecked")
  private final Async<PubackOutboundOutput> async = mock(Async.class);

  @BeforeEach
  void outputGoesAsync() {
    when(output.async(any())).thenReturn(async);
  }

  @Test
  void letsAPubackWithoutEntryPass() {
    underTest.onOutboundPuback(puback("d-1", 7), output);

    verifyNoInteractions(output);
  }

  @Test
  void letsThePubackOfAnotherPacketOrClientPass() {
    acks.open("d-1", 7);

    underTest.onOutboundPuback(puback("d-1", 8), output);
    underTest.onOutboundPuback(puback("d-2", 7), output);

    verifyNoInteractions(output);
  }

  @Test
  void holdsAPendingPubackUntilKafkaStoredTheRecord() {
    PendingAcks.Pending entry = acks.open("d-1", 7);

    underTest.onOutboundPuback(puback("d-1", 7), output);

    verify(output).async(TIMEOUT);
    verify(async, never()).resume();
    acks.stored(entry);
    verify(async).resume();
  }

  @Test
  void holdsARefusedPubackUntilTheClientIsDisconnected() {
    PendingAcks.Pending entry = acks.open("d-1", 7);
    CompletableFuture<Boolean> disconnected = new CompletableFuture<>();

    underTest.onOutboundPuback(puback("d-1", 7), output);
    acks.refused(entry, disconnected);

    verify(output).async(TIMEOUT);
    verify(async, never()).resume();
    disconnected.complete(true);
    verify(async).resume();
  }

  @Test
  void letsAPubackPassWhoseEntryWasReleasedAlready() {
    PendingAcks.Pending entry = acks.open("d-1", 7);
    acks.stored(entry);

    underTest.onOutboundPuback(puback("d-1", 7), output);

    verify(output, never()).async(any());
    assertThat(acks.size()).isZero();
  }

  private static PubackOutboundInput puback(String clientId, int packetId) {
    PubackOutboundInput input = mock(PubackOutboundInput.class);
    ClientInformation client = mock(ClientInformation.class);
    PubackPacket packet = mock(PubackPacket.class);
    when(input.getClientInformation()).thenReturn(client);
    when(client.getClientId()).thenReturn(clientId);
    when(input.getPubackPacket()).thenReturn(packet);
    when(packet.getPacketIdentifier()).thenReturn(packetId);
    return input;
  }
}
