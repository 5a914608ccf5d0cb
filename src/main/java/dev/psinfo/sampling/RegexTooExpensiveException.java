package dev.psinfo.sampling;

/**
 * A client's regular expression needed more steps than {@link Snapshot#find} allows over one table
 * (catastrophic backtracking, such as {@code (a+)+b}); the search was abandoned.
 */
public final class RegexTooExpensiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegexTooExpensiveException(String regex, java.time.Duration limit) {
    super(
        "regex '"
            + regex
            + "' took more than "
            + limit.toMillis()
            + " ms over the table (catastrophic backtracking?); simplify it");
  }
}
