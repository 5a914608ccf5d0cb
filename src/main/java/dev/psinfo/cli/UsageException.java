package dev.psinfo.cli;

/**
 * A bad command line: unknown command or option, missing or bad value. The message is one line
 * without the program name; {@link Main} prints it on stderr and exits with {@link Main#USAGE}.
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
