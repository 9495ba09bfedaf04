package org.iotplatform.alerts.notification;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotplatform.alerts.ChannelDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification feature. The rules feature provides the {@link ChannelDirectory}; until it does,
 * no alert has channels and nothing is sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@ConditionalOnBooleanProperty(name = "iot.alerts.notifications.enabled", matchIfMissing = true)
class NotificationConfiguration {

  @Bean
  NotificationEnqueuer notificationEnqueuer(
      JdbcClient jdbc,
      ChannelDirectory channels,
      NotificationProperties properties,
      ObjectProvider<Clock> clock,
      NotificationWakeup wakeup) {
    return new NotificationEnqueuer(
        jdbc, channels, properties, clock.getIfAvailable(Clock::systemUTC), wakeup);
  }

  @Bean
  NotificationWakeup notificationWakeup() {
    return new NotificationWakeup();
  }

  @Bean
  NotificationLog notificationLog(JdbcClient jdbc) {
    return new NotificationLog(jdbc);
  }

  @Bean(destroyMethod = "close")
  NotificationScheduler notificationScheduler(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      NotificationProperties properties,
      ObjectProvider<JavaMailSender> mail,
      ObjectProvider<Clock> clockProvider,
      MeterRegistry meters,
      NotificationWakeup wakeup) {
    Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
    HttpPost http = new HttpPost(properties.timeout());
    List<ChannelSender> senders =
        List.of(
            new WebhookSender(http, clock),
            new SlackSender(http),
            new EmailSender(mail, properties.mailFrom()));
    NotificationBatcher batcher =
        new NotificationBatcher(
            jdbc, new TransactionTemplate(transactionManager), properties, clock);
    DeliveryWorker worker =
        new DeliveryWorker(jdbc, properties, senders, senderThreads(), clock, meters, wakeup);
    return new NotificationScheduler(batcher, worker, properties, wakeup);
  }

  /**
   * Threads for the attempts: the worker runs at most one attempt per channel at a time, so the
   * pool grows with the channels that have something to send and shrinks when they are idle.
   */
  private static ExecutorService senderThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "notification-sender-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
