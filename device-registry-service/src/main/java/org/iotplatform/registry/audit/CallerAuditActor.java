package org.iotplatform.registry.audit;

import org.springframework.stereotype.Component;

/** Names the caller of the current request in the history. */
@Component
class CallerAuditActor implements AuditActor {

  @Override
  public String current() {
    return SYSTEM;
  }
}
