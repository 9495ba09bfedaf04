package org.iotplatform.alerts.alert;

/**
 * Told about every FIRED or RESOLVED event that changed an alert, inside the database transaction
 * that stored it: what a listener writes commits or rolls back with the alert (the notification
 * feature writes its notification rows so). A listener that throws rolls the batch back, and the
 * events are read again.
 */
public interface AlertTransitionListener {

  void onTransition(AlertTransition transition);
}
