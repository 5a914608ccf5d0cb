package dev.psinfo.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secret values in command lines before they leave the agent. Stateless after construction
 * and thread-safe; {@link #scrub} never throws and only ever replaces characters of its input with
 * {@code ***}.
 *
 * <p>A <em>secret key</em> is an option, key or header name that contains one of the secret words
 * ({@link #DEFAULT_WORDS} plus the extra words) or ends with one of {@link #DEFAULT_SUFFIXES}
 * (case-insensitive, ignoring {@code -}, {@code _}, {@code .} and quotes). The value of a secret
 * key is masked in every form:
 *
 * <ul>
 *   <li>{@code KEY=VALUE} anywhere in a token: {@code --password=x}, {@code -Ddb.password=x},
 *       {@code --env=DB_PASSWORD=x}, a URL query {@code ?user=a&password=x}, {@code ;password=x},
 *       {@code -o user=a,password=x};
 *   <li>{@code KEY:VALUE}, headers and config text: {@code X-Api-Key:x}, {@code --password:x},
 *       {@code pass:x}, {@code {"password":"x"}}, {@code password: x}, {@code Authorization: Bearer
 *       x} (the scheme is kept);
 *   <li>an option and the next token: {@code --password x}, {@code -storepass x}, {@code
 *       --password= x} (not when the next token starts with {@code -});
 *   <li>a URL's password, any scheme: {@code https://user:x@host/} (the password may hold {@code @}
 *       and {@code /}); Oracle's {@code user/x@host};
 *   <li>{@code -u}, {@code -U}, {@code --user}, {@code --proxy-user} followed by {@code name:x}
 *       (not a numeric {@code uid:gid});
 *   <li>{@code -pX} after a {@code mysql*}/{@code mariadb*} token, {@code -pX} and {@code -p X}
 *       after {@code sshpass}, {@code -aX} and {@code -a X} after {@code redis-cli}, {@code -p X}
 *       and {@code -pX} after {@code docker login} or {@code podman login}, {@code -w X} and {@code
 *       -wX} after an {@code ldap*} tool ({@code ldapsearch}, {@code ldapmodify}, ...);
 *   <li>{@code -U user%X} and {@code -Uuser%X} ({@code smbclient}, {@code rpcclient}: Samba's user
 *       and password pair);
 *   <li>{@code aws configure set KEY X} where {@code KEY} is secret ({@code aws_secret_access_key},
 *       {@code aws_session_token});
 *   <li>{@code htpasswd -b FILE USER X} and {@code htpasswd -nb USER X} (the password is the last
 *       positional argument when {@code -b} is given).
 * </ul>
 *
 * Not masked, on purpose: a path (a value with {@code /}) given to a key that ends with {@code
 * file}, {@code path} or {@code dir} ({@code --password-file /run/secrets/db}); {@code true},
 * {@code false}, {@code none}, {@code required}, {@code requested} given to a key that only ends
 * with a suffix word ({@code ...ssl.need.client.auth=false}). Tokens are split on spaces: the
 * command lines the OS reports (AIX {@code pr_psargs}, Linux {@code cmdline} joined) have no
 * quoting to rely on, except quotes that are part of the text itself ({@code sh -c}, JSON), which
 * are honoured.
 */
public final class ArgsScrubber {
  /** The built-in secret words: a key that contains one of them is secret. */
  public static final List<String> DEFAULT_WORDS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "pwd",
          "secret",
          "token",
          "apikey",
          "accesskey",
          "privatekey",
          "credential",
          "bearer");

  /**
   * Short words that mark a key only at its end ({@code --pass}, {@code -storepass}, {@code
   * --auth}, {@code Authorization:}, {@code Cookie:}), so that {@code --bypass-cache}, {@code
   * --authorization-mode} and {@code java.security.auth.login.config} are not secret.
   */
  public static final List<String> DEFAULT_SUFFIXES =
      List.of("pass", "auth", "authorization", "cookie");

  static final String MASK = "***";

  /** HTTP authentication schemes, kept after {@code Authorization:} (the credentials follow). */
  private static final Set<String> AUTH_SCHEMES =
      Set.of("bearer", "basic", "digest", "negotiate", "ntlm", "token", "apikey", "oauth", "hawk");

  /** Values of a suffix-only key that are settings, not secrets. */
  private static final Set<String> SETTINGS =
      Set.of("true", "false", "none", "required", "requested");

  /**
   * Besides the secret words and suffixes, the words that send a command line to the full scrubber:
   * {@code user} ({@code --user a:x}) and the tools whose short options hold passwords.
   */
  private static final List<String> MORE_TRIGGERS =
      List.of("user", "mysql", "mariadb", "redis", "docker", "podman", "ldap", "aws");

  private final String[] words;

  /** {@code triggers[c]}: the trigger words that start with ASCII letter {@code c}, or null. */
  private final String[][] triggers = new String[128][];

  /** Extra words that start with a non-ASCII letter: only the exact path can find them. */
  private final List<String> nonAsciiTriggers = new ArrayList<>();

  /** A scrubber for the built-in words plus {@code extraWords}. */
  public ArgsScrubber(List<String> extraWords) {
    Set<String> all = new LinkedHashSet<>(DEFAULT_WORDS);
    for (String w : extraWords) {
      String n = normalize(w);
      if (!n.isEmpty()) {
        all.add(n);
      }
    }
    this.words = all.toArray(String[]::new);
    Set<String> trig = new LinkedHashSet<>(all);
    trig.addAll(DEFAULT_SUFFIXES);
    trig.addAll(MORE_TRIGGERS);
    // a word that holds another one needs no check of its own: "pass" finds "password"
    Set<String> candidates = Set.copyOf(trig);
    trig.removeIf(t -> candidates.stream().anyMatch(u -> !u.equals(t) && t.contains(u)));
    for (String t : trig) {
      char c = t.charAt(0);
      if (c < 128) {
        String[] old = triggers[c];
        String[] grown = old == null ? new String[1] : Arrays.copyOf(old, old.length + 1);
        grown[grown.length - 1] = t;
        triggers[c] = grown;
      } else {
        nonAsciiTriggers.add(t);
      }
    }
  }

  /** Returns {@code args} with every secret value masked; the same instance when none is found. */
  public String scrub(String args) {
    if (args.isEmpty() || !mayContainSecret(args)) {
      return args;
    }
    String[] tokens = args.split(" ", -1);
    Line line = new Line();
    boolean changed = false;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.isEmpty()) {
        continue;
      }
      String masked = line.token(t);
      if (!masked.equals(t)) {
        tokens[i] = masked;
        changed = true;
      }
    }
    return changed ? String.join(" ", tokens) : args;
  }

  /**
   * Whether {@code args} may hold a secret in one of the forms above: a trigger word (ignoring
   * separators and case), an {@code @}, or a {@code -u}/{@code -U} token. Runs on every command
   * line of every scan, so it makes one pass over ASCII text without copying; text with a non-ASCII
   * character (rare) takes the exact path.
   */
  private boolean mayContainSecret(String args) {
    if (!nonAsciiTriggers.isEmpty()) {
      return true;
    }
    int n = args.length();
    for (int i = 0; i < n; i++) {
      char c = args.charAt(i);
      if (c == '@' || (c == '-' && (isShortOption(args, i, 'u') || isSambaPair(args, i)))) {
        return true;
      }
    }
    return mayHoldWord(args, 0, n);
  }

  /**
   * Whether {@code s.substring(from, to)}, normalized, may contain a trigger word: exact for ASCII
   * text, and true for text with a non-ASCII character. Copies nothing.
   */
  private boolean mayHoldWord(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return true;
      }
      String[] candidates = triggers[lowerAscii(c)];
      if (candidates != null) {
        for (String w : candidates) {
          if (matchesIgnoringSeparators(s, i, to, w)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether a token {@code -Uuser%x} (Samba's attached user and password) starts at {@code i}. */
  private static boolean isSambaPair(String s, int i) {
    if (i + 2 >= s.length() || s.charAt(i + 1) != 'U' || (i > 0 && s.charAt(i - 1) != ' ')) {
      return false;
    }
    for (int k = i + 3; k < s.length() && s.charAt(k) != ' '; k++) {
      if (s.charAt(k) == '%') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code -u} or {@code -U} stands alone at {@code i}. */
  private static boolean isShortOption(String s, int i, char lower) {
    int n = s.length();
    return i + 1 < n
        && lowerAscii(s.charAt(i + 1)) == lower
        && (i == 0 || s.charAt(i - 1) == ' ')
        && (i + 2 == n || s.charAt(i + 2) == ' ');
  }

  /**
   * Whether {@code normalize(ascii.substring(start, n))} starts with {@code word}, where {@code
   * ascii.charAt(start)} already matches its first letter.
   */
  private static boolean matchesIgnoringSeparators(String ascii, int start, int n, String word) {
    int m = word.length();
    int k = start + 1;
    for (int j = 1; j < m; j++) {
      while (k < n && isSeparator(ascii.charAt(k))) {
        k++;
      }
      if (k == n || lowerAscii(ascii.charAt(k)) != word.charAt(j)) {
        return false;
      }
      k++;
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '-' || c == '_' || c == '.';
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** 0: not secret; 1: contains a secret word; 2: only ends with a suffix word. */
  private int keyKind(String normalizedKey) {
    for (String w : words) {
      if (normalizedKey.contains(w)) {
        return 1;
      }
    }
    for (String s : DEFAULT_SUFFIXES) {
      if (normalizedKey.endsWith(s)) {
        return 2;
      }
    }
    return 0;
  }

  /** Whether {@code value} of a secret key is a setting or a path, not a secret (see above). */
  private static boolean exempt(int kind, String normalizedKey, String value) {
    if ((normalizedKey.endsWith("file")
            || normalizedKey.endsWith("path")
            || normalizedKey.endsWith("dir"))
        && (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0)) {
      return true;
    }
    return kind == 2 && SETTINGS.contains(value.toLowerCase(Locale.ROOT));
  }

  /** {@code s} lower-cased without {@code -}, {@code _}, {@code .} and quotes. */
  private static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '-' && c != '_' && c != '.' && c != '"' && c != '\'') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private enum Pending {
    NONE,
    /** Mask the next token unless it starts with {@code -} or is exempt. */
    VALUE,
    /** Mask the next token whatever it is. */
    FORCE,
    /** After {@code Key:}: keep an authentication scheme, else mask the next token. */
    HEADER,
    /** After {@code -u}: mask after the first {@code :} of the next token. */
    USERPASS,
    /** Inside a quoted secret: mask up to the closing quote. */
    QUOTE
  }

  /** The state of one scrub: what the previous token asks of the next one. */
  private final class Line {
    private Pending pending = Pending.NONE;
    private int pendingKind;
    private String pendingKey = "";
    private char quote;
    private boolean mysqlSeen;
    private boolean sshpassArmed;
    private boolean redisSeen;

    /** 0: no docker/podman; 1: the tool seen; 2: its {@code login} seen. */
    private int loginStage;

    private boolean ldapSeen;

    /** 0: no aws; 1: aws; 2: aws configure; 3: aws configure set. */
    private int awsStage;

    /** Whether {@code htpasswd} was seen, and its flags once one holds {@code b}. */
    private boolean htpasswdSeen;

    private boolean htpasswdBatch;

    private boolean htpasswdNoFile;

    /** Positional arguments of htpasswd seen so far; -1: the next token is an option's value. */
    private int htpasswdPositional;

    /** Characters of the current token to mask; null until one is. */
    private boolean[] mask;

    private int len;

    String token(String t) {
      Pending p = pending;
      pending = Pending.NONE;
      switch (p) {
        case QUOTE -> {
          int close = t.indexOf(quote);
          if (close < 0) {
            pending = Pending.QUOTE;
            return MASK;
          }
          return MASK + t.substring(close);
        }
        case HEADER -> {
          if (AUTH_SCHEMES.contains(normalize(t))) {
            pending = Pending.FORCE;
            return t;
          }
          return maskWhole(t);
        }
        case FORCE -> {
          return maskWhole(t);
        }
        case VALUE -> {
          if (!t.startsWith("-") && !exempt(pendingKind, pendingKey, t)) {
            return maskWhole(t);
          }
        }
        case USERPASS -> {
          String masked = maskUserPass(t);
          if (masked != null) {
            return masked;
          }
        }
        case NONE -> {}
      }
      return rules(t);
    }

    /** {@code ***}, or {@code "***"...} keeping the quotes of a quoted value. */
    private String maskWhole(String t) {
      char q = t.charAt(0);
      if (q != '"' && q != '\'') {
        return MASK;
      }
      int close = t.indexOf(q, 1);
      if (close < 0) {
        pending = Pending.QUOTE;
        quote = q;
        return t.length() == 1 ? t : q + MASK;
      }
      return close == 1 ? t : q + MASK + t.substring(close);
    }

    private String rules(String t) {
      String tool = tools(t);
      if (tool != null) {
        return tool;
      }
      String shortOption = shortOptions(t);
      if (shortOption != null) {
        return shortOption;
      }
      mask = null;
      int n = t.length();
      len = n;
      urls(t, n);
      oracle(t, n);
      keyValues(t, n);
      if (pending == Pending.NONE
          && t.charAt(0) == '-'
          && t.indexOf('=') < 0
          && t.indexOf(':') < 0
          && mayHoldWord(t, 0, n)) {
        awaitValueOf(t);
      }
      return mask == null ? t : applyMask(t);
    }

    /**
     * When {@code option} names a secret ({@code -password}, {@code configure set}'s key), the next
     * token is its value: masked whole.
     *
     * @return true when it does
     */
    private boolean awaitValueOf(String option) {
      String key = normalize(option);
      int kind = keyKind(key);
      if (kind > 0) {
        pending = Pending.VALUE;
        pendingKind = kind;
        pendingKey = key;
      }
      return kind > 0;
    }

    /**
     * docker/podman login, ldap* tools, aws configure set and htpasswd -b; the token as it should
     * read, or null when none applies.
     */
    private String tools(String t) {
      int base = t.lastIndexOf('/') + 1;
      if (isName(t, base, "docker") || isName(t, base, "podman")) {
        loginStage = 1;
      } else if (loginStage == 1 && t.equals("login")) {
        loginStage = 2;
      } else if (t.startsWith("ldap", base) && letters(t, base)) {
        ldapSeen = true;
      } else if (isName(t, base, "aws")) {
        awsStage = 1;
      } else if ((awsStage == 1 && t.equals("configure")) || (awsStage == 2 && t.equals("set"))) {
        awsStage++;
      } else if (!htpasswdSeen && isName(t, base, "htpasswd")) {
        htpasswdSeen = true;
        htpasswdBatch = false;
        htpasswdNoFile = false;
        htpasswdPositional = 0;
      } else if (htpasswdSeen) {
        return htpasswd(t);
      } else if (awsStage == 3 && t.charAt(0) != '-' && t.indexOf('=') < 0) {
        awsStage = 0;
        if (awaitValueOf(t)) {
          return t;
        }
      } else {
        char o = t.length() >= 2 && t.charAt(0) == '-' && t.charAt(1) != '-' ? t.charAt(1) : 0;
        if ((o == 'p' && loginStage == 2) || (o == 'w' && ldapSeen)) {
          if (o == 'p') {
            loginStage = 0;
          }
          if (t.length() > 2) {
            return t.substring(0, 2) + MASK;
          }
          pending = Pending.VALUE;
          pendingKind = 1;
          pendingKey = "";
          return t;
        }
      }
      return null;
    }

    /**
     * One token after {@code htpasswd}: its flags, then FILE USER PASSWORD (no FILE with -n); the
     * password masked when {@code -b} was given, null for any other token (the other rules apply).
     */
    private String htpasswd(String t) {
      if (htpasswdPositional < 0) {
        htpasswdPositional = 0; // the value of -C or -r
        return null;
      }
      if (htpasswdPositional == 0 && t.length() > 1 && t.charAt(0) == '-') {
        for (int i = 1; i < t.length(); i++) {
          char c = t.charAt(i);
          htpasswdBatch |= c == 'b';
          htpasswdNoFile |= c == 'n';
          if ((c == 'C' || c == 'r') && i == t.length() - 1) {
            htpasswdPositional = -1;
          }
        }
        return null;
      }
      htpasswdPositional++;
      if (htpasswdBatch && htpasswdPositional == (htpasswdNoFile ? 2 : 3)) {
        htpasswdSeen = false;
        return MASK;
      }
      return null;
    }

    /** Tool-specific short options; the token as it should read, or null when none applies. */
    private String shortOptions(String t) {
      int base = t.lastIndexOf('/') + 1;
      if (t.startsWith("mysql", base) || t.startsWith("mariadb", base)) {
        mysqlSeen = true;
      } else if (isName(t, base, "sshpass")) {
        sshpassArmed = true;
      } else if (isName(t, base, "redis-cli")) {
        redisSeen = true;
      } else if (isName(t, base, "ssh") || isName(t, base, "scp") || isName(t, base, "sftp")) {
        sshpassArmed = false; // sshpass -f FILE ssh -p 22 host: the port is ssh's
      }
      if (t.length() < 2 || t.charAt(0) != '-' || t.charAt(1) == '-') {
        if (t.equals("--user") || t.equals("--proxy-user")) {
          pending = Pending.USERPASS;
          return t;
        }
        return null;
      }
      char o = t.charAt(1);
      boolean password = (o == 'p' && (mysqlSeen || sshpassArmed)) || (o == 'a' && redisSeen);
      if (password) {
        boolean sshpass = o == 'p' && sshpassArmed;
        if (o == 'p') {
          sshpassArmed = false; // sshpass has one -p; a later -p is ssh's port
        }
        if (t.length() > 2) {
          return t.substring(0, 2) + MASK;
        }
        if (sshpass || o == 'a') {
          pending = Pending.VALUE;
          pendingKind = 1;
          pendingKey = "";
        }
        return t;
      }
      int percent = t.indexOf('%');
      if (o == 'U' && percent > 2 && percent < t.length() - 1 && t.indexOf(':') < 0) {
        return t.substring(0, percent + 1) + MASK; // smbclient -Uuser%x
      }
      if (t.length() == 2 && (o == 'u' || o == 'U')) {
        pending = Pending.USERPASS;
        return t;
      }
      return null;
    }

    /**
     * {@code name:***} for {@code name:x}, {@code name%***} for Samba's {@code name%x}; null when
     * {@code t} is no such pair.
     */
    private String maskUserPass(String t) {
      int colon = t.indexOf(':');
      if (colon < 0 && !t.isEmpty() && Character.isLetterOrDigit(t.charAt(0))) {
        colon = t.indexOf('%'); // Samba's user%x; not date -u +%s
      }
      if (t.startsWith("-") || colon <= 0 || colon == t.length() - 1 || t.contains("://")) {
        return null;
      }
      if (digits(t, 0, colon) && digits(t, colon + 1, t.length())) {
        return null; // uid:gid
      }
      return t.substring(0, colon + 1) + MASK;
    }

    /** The password of every {@code scheme://user:password@host} in the token. */
    private void urls(String t, int n) {
      int from = 0;
      int firstAt = -1; // the first '@' at or after the current password: found once per '@'
      while (true) {
        int scheme = t.indexOf("://", from);
        if (scheme < 0) {
          return;
        }
        int start = scheme + 3;
        from = start;
        int colon = -1;
        for (int k = start; k < n; k++) {
          char c = t.charAt(k);
          if (c == ':') {
            colon = k;
            break;
          }
          if (c == '/' || c == '?' || c == '#' || c == '@') {
            break;
          }
        }
        if (colon < 0) {
          continue;
        }
        if (firstAt <= colon) {
          firstAt = t.indexOf('@', colon + 1);
          if (firstAt < 0) {
            return;
          }
        }
        int slash = indexOfAny(t, "/?#", colon + 1, firstAt);
        if (slash < firstAt && digits(t, colon + 1, slash)) {
          continue; // host:port/path@x
        }
        int end = t.lastIndexOf('@', indexOfAny(t, "/?#", firstAt + 1, n) - 1);
        mark(colon + 1, end);
        from = end + 1;
      }
    }

    /** Oracle's {@code user/password@host}: one {@code /}, a plain user name before it. */
    private void oracle(String t, int n) {
      for (int at = t.indexOf('@'); at > 0; at = t.indexOf('@', at + 1)) {
        if (mask != null && mask[at - 1]) {
          continue;
        }
        int s = at;
        while (s > 0 && ":=@,;(\"'".indexOf(t.charAt(s - 1)) < 0) {
          s--;
        }
        if (s > 0 && t.charAt(s - 1) == '@') {
          continue; // npm's @scope/package@version
        }
        int slash = -1;
        int slashes = 0;
        for (int k = s; k < at && slashes < 2; k++) {
          if (t.charAt(k) == '/') {
            slash = k;
            slashes++;
          }
        }
        if (slashes != 1 || slash == s || slash + 1 == at) {
          continue;
        }
        boolean user = true;
        for (int k = s; k < slash && user; k++) {
          char c = t.charAt(k);
          user = Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
        }
        if (user && !isDigest(t, at + 1, n)) {
          mark(slash + 1, at);
        }
      }
    }

    /** {@code sha256:...} after an {@code @}: a container image digest, not a host. */
    private boolean isDigest(String t, int i, int n) {
      if (!t.startsWith("sha", i)) {
        return false;
      }
      int k = i + 3;
      while (k < n && Character.isDigit(t.charAt(k))) {
        k++;
      }
      return k < n && k > i + 3 && t.charAt(k) == ':';
    }

    /** {@code KEY=VALUE} and {@code KEY:VALUE} anywhere in the token. */
    private void keyValues(String t, int n) {
      int p = 0;
      while (p < n) {
        char c = t.charAt(p);
        if ((c != '=' && c != ':') || (mask != null && mask[p])) {
          p++;
          continue;
        }
        if (c == ':' && t.startsWith("//", p + 1)) {
          p += 3;
          continue;
        }
        int s = p;
        while (s > 0 && "=:?&;,{([".indexOf(t.charAt(s - 1)) < 0) {
          s--;
        }
        boolean top = s == 0 || t.charAt(s - 1) == '=';
        // the trigger words include "user", so --user=a:x gets here too
        String key = mayHoldWord(t, s, p) ? normalize(t.substring(s, p)) : "";
        int kind = key.isEmpty() ? 0 : keyKind(key);
        int v = p + 1;
        if (kind == 0) {
          if (c == '=' && top && (key.equals("user") || key.equals("proxyuser")) && v < n) {
            String masked = maskUserPass(t.substring(v));
            if (masked != null) {
              mark(v + masked.length() - MASK.length(), n);
            }
            return;
          }
          p++;
          continue;
        }
        if (v == n) {
          if (c == ':' || top) {
            pending = c == ':' ? Pending.HEADER : Pending.VALUE;
            pendingKind = kind;
            pendingKey = key;
          }
          return;
        }
        if (mask != null && mask[v]) {
          p++;
          continue;
        }
        char q = t.charAt(v);
        if (q == '"' || q == '\'') {
          int close = t.indexOf(q, v + 1);
          if (close < 0) {
            mark(v + 1, n);
            pending = Pending.QUOTE;
            quote = q;
            return;
          }
          if (!exempt(kind, key, t.substring(v + 1, close))) {
            mark(v + 1, close);
          }
          p = close + 1;
          continue;
        }
        int e = top ? n : indexOfAny(t, "&;,}])", v, n);
        String value = t.substring(v, e);
        if (c == ':' && e == n && AUTH_SCHEMES.contains(normalize(value))) {
          pending = Pending.FORCE; // Authorization:Bearer x
          return;
        }
        if (!exempt(kind, key, value)) {
          mark(v, e);
        }
        p = e;
      }
    }

    private void mark(int from, int to) {
      if (from >= to) {
        return;
      }
      if (mask == null) {
        mask = new boolean[len];
      }
      Arrays.fill(mask, from, to, true);
    }

    private String applyMask(String t) {
      StringBuilder b = new StringBuilder(t.length());
      int n = t.length();
      for (int i = 0; i < n; i++) {
        if (mask[i]) {
          b.append(MASK);
          while (i + 1 < n && mask[i + 1]) {
            i++;
          }
        } else {
          b.append(t.charAt(i));
        }
      }
      return b.toString();
    }
  }

  /** Whether {@code t} from {@code base} on is ASCII letters and digits only. */
  private static boolean letters(String t, int base) {
    for (int i = base; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isName(String t, int base, String name) {
    return t.length() - base == name.length() && t.startsWith(name, base);
  }

  private static int indexOfAny(String s, String chars, int from, int end) {
    for (int i = from; i < end; i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return end;
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
