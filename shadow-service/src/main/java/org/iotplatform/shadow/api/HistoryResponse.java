package org.iotplatform.shadow.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** A shadow's latest documents in their stored form, newest first. */
record HistoryResponse(List<Item> items) {

  /** One document: {@code {"state":..,"metadata":..,"version":..,"timestamp":..}}. */
  record Item(@JsonRawValue String document) {
    static Item of(String json) {
      return new Item(json);
    }
  }
}
