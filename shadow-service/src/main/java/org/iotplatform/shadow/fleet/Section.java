package org.iotplatform.shadow.fleet;

/** The indexed halves of a shadow's state. */
enum Section {
  DESIRED("desired"),
  REPORTED("reported");

  private final String label;

  Section(String label) {
    this.label = label;
  }

  /** The name used in queries and in index keys. */
  String label() {
    return label;
  }
}
