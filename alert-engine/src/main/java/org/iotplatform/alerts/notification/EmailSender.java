package org.iotplatform.alerts.notification;

import org.iotplatform.alerts.ChannelDirectory.ChannelTarget;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends one plain-text e-mail to all recipients of the channel over SMTP, the counts or the single
 * alert as subject and one line per listed alert in the body ({@code spring.mail.*}; without {@code
 * spring.mail.host} every attempt fails and the delivery ends dead).
 */
class EmailSender implements ChannelSender {

  private final ObjectProvider<JavaMailSender> mail;
  private final String from;

  EmailSender(ObjectProvider<JavaMailSender> mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  @Override
  public String kind() {
    return ChannelTarget.EMAIL;
  }

  @Override
  public void send(Delivery delivery) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
    }
    if (delivery.target().recipients().isEmpty()) {
      throw new IllegalStateException("The e-mail channel has no recipients");
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(delivery.target().recipients().toArray(String[]::new));
    message.setSubject(MessageText.subject(delivery.message()));
    message.setText(MessageText.body(delivery.message()));
    sender.send(message);
  }
}
