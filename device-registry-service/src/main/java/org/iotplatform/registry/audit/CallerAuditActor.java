package org.iotplatform.registry.audit;

import org.iotplatform.web.security.Caller;
import org.iotplatform.web.security.CurrentCaller;
import org.springframework.stereotype.Component;

/**
 * Names the caller of the current request in the history: its JWT subject (an API key id, or the
 * user of an external issuer); {@link AuditActor#SYSTEM} for work the registry does by itself.
 */
@Component
class CallerAuditActor implements AuditActor {

  private final CurrentCaller caller;

  CallerAuditActor(CurrentCaller caller) {
    this.caller = caller;
  }

  @Override
  public String current() {
    return caller.find().map(Caller::subject).orElse(SYSTEM);
  }
}
