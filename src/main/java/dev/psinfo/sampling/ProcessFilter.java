package dev.psinfo.sampling;

import static java.util.Objects.requireNonNull;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import java.util.Set;

/**
 * Decides which processes the agent shows. A process is kept when it matches {@code include} (if
 * set) on its name or its arguments (without psinfo's own options: {@link MatchText}), does not
 * match {@code exclude} (if set) on either, and its effective user is one of {@code users} by name
 * or decimal uid (if any are set). Immutable and thread-safe.
 *
 * @param include kept only if name or args match ({@link UserPattern#find}); null: all
 * @param exclude dropped if name or args match; null: none
 * @param users effective user names or decimal uids to keep; empty: all
 */
public record ProcessFilter(UserPattern include, UserPattern exclude, Set<String> users) {
  /** Keeps every process. */
  public static final ProcessFilter ALL = new ProcessFilter(null, null, Set.of());

  public ProcessFilter {
    users = Set.copyOf(requireNonNull(users, "users is null"));
  }

  /** True when {@code s} is shown; its match text is computed at most once. */
  public boolean test(ProcessSample s) {
    ProcessInfo p = s.info();
    if (!users.isEmpty() && users.stream().noneMatch(u -> isUser(p, u))) {
      return false;
    }
    if (include != null && !matches(include, s)) {
      return false;
    }
    return exclude == null || !matches(exclude, s);
  }

  /** True when {@code p}'s effective user is {@code user}: its name, or its uid in decimal. */
  public static boolean isUser(ProcessInfo p, String user) {
    return p.user().equals(user) || Long.toString(p.euid()).equals(user);
  }

  /**
   * True when {@code pattern} is found in the name or the arguments of {@code s}, the arguments
   * without psinfo's own options ({@link ProcessSample#matchText}, computed once per sample).
   */
  public static boolean matches(UserPattern pattern, ProcessSample s) {
    return pattern.find(s.info().name()) || pattern.find(s.matchText());
  }
}
