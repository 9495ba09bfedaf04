package org.iotplatform.flink.enrichment;

/**
 * One label of a device. Labels travel as a list of these rather than a map so that Flink
 * serializes them with its POJO serializer.
 *
 * @param key the label key
 * @param value the label value
 */
public record Label(String key, String value) {}
