package org.iotplatform.registry.provisioning;

/** Reads one line of a bulk body as a device; never throws for a bad line. */
interface LineParser {

  ParsedLine parse(String line);
}
