package org.iotplatform.devstack;

import java.util.List;

/**
 * A Spring Boot service of the stack.
 *
 * @param name the module name, which is also the jar's name: {@code
 *     <name>/target/<name>-*-exec.jar}
 * @param port the HTTP port it listens on
 * @param arguments further Spring arguments ({@code --key=value}) that point it at the stores
 */
record ServiceSpec(String name, int port, List<String> arguments) {

  ServiceSpec {
    arguments = List.copyOf(arguments);
  }
}
