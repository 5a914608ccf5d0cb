package dev.psinfo.cli;

import dev.psinfo.io.BoundedFiles;
import dev.psinfo.io.FileRule;
import dev.psinfo.support.UserNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Whether a {@code --user} value that matched no process names a user at all, so that {@code ps
 * --user nosuchuser} says so (as procps {@code ps -u} does) instead of printing an empty table.
 */
final class UserCheck {
  private UserCheck() {}

  /**
   * Throws when {@code user} is a name (not a decimal uid) that neither {@code passwdFile} nor the
   * system's name service knows; does nothing when it is known or cannot be told. Call only when no
   * process ran as {@code user}: a known user with no process is a valid, empty answer.
   *
   * @param cmd the command, for the message
   * @throws CliException naming the user, when nobody knows it
   */
  static void requireKnown(String cmd, String user, Path passwdFile) throws CliException {
    if (isUid(user) || inPasswd(user, passwdFile) || inNameService(user)) {
      return;
    }
    throw new CliException(
        cmd
            + ": no user named '"
            + user
            + "' (no process runs as it, and neither "
            + passwdFile
            + " nor the name service knows it)");
  }

  /** The warning for a remote table with no row of {@code user}: the agent's users are not ours. */
  static String remoteWarning(String cmd, String user) {
    return cmd
        + ": no process in the agent's table runs as user '"
        + user
        + "' (an unknown name, or none of its processes is listed there)";
  }

  static boolean isUid(String user) {
    return !user.isEmpty()
        && user.length() <= 10
        && user.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean inPasswd(String user, Path passwdFile) {
    String text;
    try {
      text = BoundedFiles.readLatin1(passwdFile, FileRule.NAMED, UserNames.MAX_PASSWD_BYTES);
    } catch (IOException e) {
      return false;
    }
    // the file read as Latin-1, the name compared as its UTF-8 bytes would read
    String prefix =
        new String(user.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) + ":";
    return text.lines().anyMatch(line -> line.startsWith(prefix));
  }

  private static boolean inNameService(String user) {
    try {
      FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
      return true;
    } catch (UserPrincipalNotFoundException e) {
      return false;
    } catch (IOException | RuntimeException e) {
      // no lookup service here, or it failed: cannot tell, so no error
      return true;
    }
  }
}
