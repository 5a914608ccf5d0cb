package dev.psinfo.support;

import static java.util.Objects.requireNonNull;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserPrincipal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves user ids to names without forking a process per lookup.
 *
 * <p>First the passwd file (default {@code /etc/passwd}), re-read when its modification time
 * changes; then, for ids it does not list (directory users from LDAP or NIS), the JDK's own
 * resolution of the owner of a file the user owns, such as {@code /proc/<pid>}, which goes through
 * the system's name service. An id nobody knows resolves to its decimal number. Results are cached
 * until the passwd file changes. The passwd file is read only when it is a regular file (links
 * followed) of at most {@link #MAX_PASSWD_BYTES}. Thread-safe.
 */
public final class UserNames {
  private static final Log LOG = Log.of(UserNames.class);

  /**
   * The largest passwd file read: about 200,000 local users. A longer one, or one that is not a
   * regular file (links are followed), is not read at all: one warning; names then come from the
   * system's name service through the JDK (as for directory users), else the number.
   */
  public static final int MAX_PASSWD_BYTES = 16 * 1024 * 1024;

  private final Path passwdFile;
  private final ConcurrentHashMap<Long, String> cache = new ConcurrentHashMap<>();
  private volatile Map<Long, String> passwd = Map.of();
  private volatile FileTime passwdModified;

  private volatile boolean loaded;

  /**
   * Reads nothing yet: the passwd file is read on the first lookup or {@link #reloadIfChanged()}.
   *
   * @param passwdFile the passwd-format file to read; a missing file means no entries
   */
  public UserNames(Path passwdFile) {
    this.passwdFile = requireNonNull(passwdFile, "passwdFile is null");
  }

  /** Re-reads the passwd file when its modification time changed; call once per scan. */
  public void reloadIfChanged() {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(passwdFile);
    } catch (IOException e) {
      modified = null;
    }
    if (modified != null && modified.equals(passwdModified)) {
      return;
    }
    synchronized (this) {
      Map<Long, String> entries;
      try {
        entries =
            parsePasswd(BoundedFiles.readLatin1(passwdFile, FileRule.NAMED, MAX_PASSWD_BYTES));
      } catch (NoSuchFileException e) {
        entries = Map.of();
      } catch (IOException e) {
        // a FIFO, a device, a 1 GB file: not read until it changes; names come from the system's
        // name service through the JDK, as for directory users, else the number
        LOG.warn(
            "passwd file not read (user names from the system's name service, else the number): {}",
            e.toString());
        entries = Map.of();
      }
      passwd = entries;
      passwdModified = modified;
      cache.clear();
      loaded = true;
    }
  }

  /**
   * The name of {@code uid}.
   *
   * @param uid unsigned user id
   * @param ownedByUid a file expected to be owned by {@code uid} (for directory users), or null
   * @return the name, or {@code uid} in decimal when no source knows it
   */
  public String nameOf(long uid, Path ownedByUid) {
    if (uid < 0) {
      return "";
    }
    if (!loaded) {
      reloadIfChanged();
    }
    String known = passwd.get(uid);
    if (known != null) {
      return known;
    }
    String cached = cache.get(uid);
    if (cached != null) {
      return cached;
    }
    String resolved = ownedByUid == null ? null : nameFromOwner(uid, ownedByUid);
    if (resolved == null) {
      // not cached: another process of this uid may resolve it later
      return Long.toString(uid);
    }
    cache.put(uid, resolved);
    return resolved;
  }

  /**
   * The name of {@code uid} when the passwd file or an earlier lookup knows it, else null (then
   * {@link #nameOf} with a file the user owns); lets a caller skip making that file's path.
   */
  public String knownName(long uid) {
    if (uid < 0) {
      return "";
    }
    if (!loaded) {
      reloadIfChanged();
    }
    String known = passwd.get(uid);
    return known != null ? known : cache.get(uid);
  }

  private static String nameFromOwner(long uid, Path file) {
    try {
      Object owner = Files.getAttribute(file, "unix:uid");
      if (!(owner instanceof Integer ownerUid) || Integer.toUnsignedLong(ownerUid) != uid) {
        return null;
      }
      UserPrincipal principal = Files.getOwner(file);
      return principal.getName();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Parses passwd-format text: {@code name:pw:uid:...}. Comments, blank lines, NIS compat entries
   * ({@code +}/{@code -}) and malformed lines are skipped; the first name listed for a uid wins, as
   * with {@code getpwuid}.
   */
  public static Map<Long, String> parsePasswd(String text) {
    Map<Long, String> names = new HashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isEmpty()
          || line.charAt(0) == '#'
          || line.charAt(0) == '+'
          || line.charAt(0) == '-') {
        continue;
      }
      int c1 = line.indexOf(':');
      int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
      int c3 = c2 < 0 ? -1 : line.indexOf(':', c2 + 1);
      if (c1 <= 0 || c3 < 0) {
        continue;
      }
      try {
        long uid = Long.parseLong(line.substring(c2 + 1, c3));
        if (uid >= 0) {
          names.putIfAbsent(uid, line.substring(0, c1));
        }
      } catch (NumberFormatException e) {
        // malformed uid: skip the line
      }
    }
    return Map.copyOf(names);
  }
}
