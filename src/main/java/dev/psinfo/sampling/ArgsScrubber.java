package dev.psinfo.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Masks secret values in command lines before they leave the agent. Stateless after construction
 * and thread-safe.
 *
 * <p>A token is secret when the option or key it belongs to contains one of the secret words
 * (case-insensitive, ignoring {@code -}, {@code _} and {@code .}):
 *
 * <ul>
 *   <li>{@code --password=hunter2}, {@code -Ddb.password=hunter2}, {@code API_KEY=abc} → the value
 *       after {@code =} becomes {@code ***};
 *   <li>{@code --password hunter2}, {@code -token abc} → the next token becomes {@code ***};
 *   <li>{@code https://user:pass@host/} (any scheme) → {@code https://user:***@host/}.
 * </ul>
 *
 * Tokens are split on spaces, so a quoted value with spaces is masked up to its first space only;
 * the command lines the OS reports (AIX {@code pr_psargs}, Linux {@code cmdline} joined) have no
 * quoting to rely on.
 */
public final class ArgsScrubber {
  /** The built-in secret words. */
  public static final List<String> DEFAULT_WORDS =
      List.of(
          "password",
          "passwd",
          "pwd",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "credential");

  static final String MASK = "***";

  private final String[] words;

  /** A scrubber for the built-in words plus {@code extraWords}. */
  public ArgsScrubber(List<String> extraWords) {
    List<String> all = new ArrayList<>(DEFAULT_WORDS);
    for (String w : extraWords) {
      String n = normalize(w);
      if (!n.isEmpty()) {
        all.add(n);
      }
    }
    this.words = all.toArray(String[]::new);
  }

  /** Returns {@code args} with every secret value masked; the same instance when none is found. */
  public String scrub(String args) {
    if (args.isEmpty() || !mayContainSecret(args)) {
      return args;
    }
    String[] tokens = args.split(" ", -1);
    boolean changed = false;
    boolean maskNext = false;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.isEmpty()) {
        continue;
      }
      if (maskNext) {
        maskNext = false;
        if (!t.startsWith("-")) {
          tokens[i] = MASK;
          changed = true;
          continue;
        }
      }
      String masked = scrubUrl(t);
      int eq = masked.indexOf('=');
      if (eq > 0 && isSecretKey(masked.substring(0, eq)) && eq < masked.length() - 1) {
        masked = masked.substring(0, eq + 1) + MASK;
      } else if (eq < 0 && t.startsWith("-") && isSecretKey(t)) {
        maskNext = true;
      }
      if (!masked.equals(t)) {
        tokens[i] = masked;
        changed = true;
      }
    }
    return changed ? String.join(" ", tokens) : args;
  }

  /**
   * Whether {@code normalize(args)} contains a secret word or {@code args} an {@code @}. Runs on
   * every command line of every scan, so for ASCII text (nearly all of them) it matches in place
   * instead of building the normalized copy; other text takes the exact path.
   */
  private boolean mayContainSecret(String args) {
    int n = args.length();
    for (int i = 0; i < n; i++) {
      char c = args.charAt(i);
      if (c == '@') {
        return true;
      }
      if (c >= 0x80) {
        return normalizedContainsWord(normalize(args));
      }
    }
    for (String w : words) {
      if (containsIgnoringSeparators(args, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean normalizedContainsWord(String normalized) {
    for (String w : words) {
      if (normalized.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code normalize(ascii).contains(word)} without the copy: {@code ascii} holds only ASCII, and
   * {@code word} is already normalized and not empty.
   */
  private static boolean containsIgnoringSeparators(String ascii, String word) {
    int n = ascii.length();
    int m = word.length();
    char first = word.charAt(0);
    for (int start = 0; start < n; start++) {
      if (lowerAscii(ascii.charAt(start)) != first) {
        continue; // also skips separators: a match starts on a kept character
      }
      int k = start + 1;
      int j = 1;
      while (j < m) {
        while (k < n && isSeparator(ascii.charAt(k))) {
          k++;
        }
        if (k == n || lowerAscii(ascii.charAt(k)) != word.charAt(j)) {
          break;
        }
        k++;
        j++;
      }
      if (j == m) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private boolean isSecretKey(String key) {
    String k = normalize(key);
    for (String w : words) {
      if (k.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Masks the password of {@code scheme://user:password@host} anywhere in the token. The user
   * information ends at the <em>last</em> {@code @} before the first {@code /}, so a password that
   * holds an (unescaped) {@code @} is masked whole.
   */
  private static String scrubUrl(String token) {
    int scheme = token.indexOf("://");
    if (scheme < 0) {
      return token;
    }
    int start = scheme + 3;
    int slash = token.indexOf('/', start);
    int at = token.lastIndexOf('@', (slash < 0 ? token.length() : slash) - 1);
    if (at < start) {
      return token;
    }
    int colon = token.indexOf(':', start);
    if (colon < 0 || colon > at) {
      return token;
    }
    return token.substring(0, colon + 1) + MASK + token.substring(at);
  }

  private static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
