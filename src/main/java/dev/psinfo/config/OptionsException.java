package dev.psinfo.config;

/** An agent option that is unknown or has a bad value; the message names it in one line. */
public final class OptionsException extends Exception {
  private static final long serialVersionUID = 1L;

  public OptionsException(String message) {
    super(message);
  }

  public OptionsException(String message, Throwable cause) {
    super(message, cause);
  }
}
