package org.iotplatform.registry.audit;

/** Who the audit names for a change made now. */
public interface AuditActor {

  /** The name recorded for changes made outside an operator's request. */
  String SYSTEM = "system";

  /** The current caller, or {@link #SYSTEM}. */
  String current();
}
