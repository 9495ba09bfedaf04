package org.iotplatform.sdk;

/**
 * Carries out one kind of command. Runs on the client's callback executor; a handler that takes
 * long (a firmware flash) should hand the work to a thread of its own and answer when done by
 * returning from there, or answer {@link CommandResult#succeeded()} for "accepted".
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Handles {@code command}. An exception thrown here is answered as {@link
   * CommandResult.Status#FAILED} with its message.
   */
  CommandResult handle(Command command) throws Exception;
}
