package dev.psinfo.cli;

/**
 * A command that could not do its work (unreadable process root, unreachable JVM, failed attach).
 * The message is one line, meant for the user; {@link Main} prints it on stderr and exits with
 * {@link Main#FAILED}.
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
