package dev.psinfo.sampling;

/**
 * A client's regular expression took longer than {@link Snapshot#find} allows over one table (a
 * large pattern, such as {@code (.{1,100}){10}!}, over long arguments); the search was abandoned.
 */
public final class RegexTooExpensiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RegexTooExpensiveException(String regex, java.time.Duration limit) {
    super(
        "regex '"
            + regex
            + "' took more than "
            + limit.toMillis()
            + " ms over the table; simplify it");
  }
}
