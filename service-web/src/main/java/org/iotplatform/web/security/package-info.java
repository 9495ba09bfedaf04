/**
 * Operator authentication shared by the Spring services: every service is an OAuth2 resource server
 * that validates the platform's JWTs (RS256, carrying a tenant and roles), applies the platform's
 * role rules in one place ({@link org.iotplatform.web.security.AccessRules} adds a service's own),
 * answers 401 and 403 as problem details, and tells controllers who calls ({@link
 * org.iotplatform.web.security.CurrentCaller}). Registered by {@link
 * org.iotplatform.web.security.IotSecurityAutoConfiguration}; configured under {@code
 * iot.security.*} ({@link org.iotplatform.web.security.IotSecurityProperties}).
 */
@NullMarked
package org.iotplatform.web.security;

import org.jspecify.annotations.NullMarked;
