package org.iotplatform.testsupport;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a once-per-JVM server as a test parameter and resets its data before each test.
 *
 * @param <S> the server type
 */
abstract class ServerExtension<S> implements BeforeEachCallback, ParameterResolver {

  private final Class<S> serverType;

  ServerExtension(Class<S> serverType) {
    this.serverType = serverType;
  }

  /** The server of this JVM, started on first use. */
  abstract S server();

  /**
   * Clears the data a previous test left; called before each test. Starts the server (through
   * {@link #server()}) if the reset needs it.
   */
  abstract void reset(ExtensionContext context);

  @Override
  public void beforeEach(ExtensionContext context) {
    reset(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == serverType;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server();
  }
}
