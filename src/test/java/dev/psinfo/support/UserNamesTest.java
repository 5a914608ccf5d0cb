package dev.psinfo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserNamesTest {
  @Test
  void parsesPasswdAndSkipsJunk() {
    Map<Long, String> names =
        UserNames.parsePasswd(
            "# comment\n"
                + "root:x:0:0:root:/root:/bin/bash\n"
                + "+nisuser::::::\n"
                + "toor:x:0:0::/:/bin/sh\n"
                + "bad:x:notanumber:0::/:\n"
                + "short:x\n"
                + "\n"
                + "nobody:x:4294967294:4294967294::/:/bin/false\n");
    assertThat(names).containsOnly(Map.entry(0L, "root"), Map.entry(4294967294L, "nobody"));
  }

  @Test
  void unknownUidIsItsNumberAndFileChangesAreSeen(@TempDir Path dir) throws Exception {
    Path passwd = dir.resolve("passwd");
    Files.writeString(passwd, "alice:x:1000:1000::/home/alice:/bin/sh\n");
    UserNames users = new UserNames(passwd);
    assertThat(users.nameOf(1000, null)).isEqualTo("alice");
    assertThat(users.nameOf(4242, null)).isEqualTo("4242");
    assertThat(users.nameOf(-1, null)).isEmpty();

    Files.writeString(passwd, "bob:x:4242:4242::/home/bob:/bin/sh\n");
    Files.setLastModifiedTime(
        passwd, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    users.reloadIfChanged();
    assertThat(users.nameOf(4242, null)).isEqualTo("bob");
    assertThat(users.nameOf(1000, null)).isEqualTo("1000");
  }

  @Test
  void directoryFallbackUsesTheOwnerOfAFile(@TempDir Path dir) throws Exception {
    Path emptyPasswd = dir.resolve("passwd");
    Files.writeString(emptyPasswd, "");
    UserNames users = new UserNames(emptyPasswd);
    Path mine = dir.resolve("owned");
    Files.writeString(mine, "x");
    int myUid = (Integer) Files.getAttribute(mine, "unix:uid");
    String expected = Files.getOwner(mine).getName();
    assertThat(users.nameOf(Integer.toUnsignedLong(myUid), mine)).isEqualTo(expected);
    // a file owned by someone else is not trusted for this uid
    assertThat(users.nameOf(Integer.toUnsignedLong(myUid) + 12345, mine))
        .isEqualTo(Long.toString(Integer.toUnsignedLong(myUid) + 12345));
  }

  @Test
  void aPasswdFileTooLargeToReadLeavesNamesToTheNameService(@TempDir Path dir) throws Exception {
    // the warning said "user ids are shown as numbers", but ids still resolve through the JDK
    Path huge = dir.resolve("passwd");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(UserNames.MAX_PASSWD_BYTES + 1L); // sparse: costs no disk
    }
    UserNames users = new UserNames(huge);
    Path mine = dir.resolve("owned");
    Files.writeString(mine, "x");
    long myUid = Integer.toUnsignedLong((Integer) Files.getAttribute(mine, "unix:uid"));
    assertThat(users.nameOf(myUid, mine)).isEqualTo(Files.getOwner(mine).getName());
    assertThat(users.nameOf(myUid + 12345, null)).isEqualTo(Long.toString(myUid + 12345));
  }
}
