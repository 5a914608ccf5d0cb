package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The .nbm {@code package} builds, read as VisualVM reads it, on any machine (VisualVMIT needs
 * VisualVM itself): one module that VisualVM 2.1.5 can resolve, carrying the very agent jar this
 * build shaded as its Class-Path library.
 */
class VisualVMNbmIT {
  @Test
  void oneModuleThatVisualVm215CanLoadWithTheAgentJarAsItsLibrary() throws IOException {
    try (ZipFile nbm = new ZipFile(VisualVMIT.nbm().toFile())) {
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (ZipEntry e : java.util.Collections.list(nbm.entries())) {
        if (!e.isDirectory() && e.getName().startsWith("netbeans/")) {
          files.put(e.getName(), nbm.getInputStream(e).readAllBytes());
        }
      }
      assertThat(files)
          .containsKeys(
              "netbeans/modules/dev-psinfo-visualvm.jar",
              "netbeans/modules/ext/psinfo-jmx-agent.jar",
              "netbeans/config/Modules/dev-psinfo-visualvm.xml");
      // the library is the agent jar of this build, byte for byte
      assertThat(
              Arrays.equals(
                  files.get("netbeans/modules/ext/psinfo-jmx-agent.jar"),
                  Files.readAllBytes(ChildJvm.agentJar())))
          .as("modules/ext/psinfo-jmx-agent.jar is target/psinfo-jmx-agent.jar")
          .isTrue();
      assertThat(new String(files.get("netbeans/config/Modules/dev-psinfo-visualvm.xml")))
          .contains("<param name=\"enabled\">true</param>")
          .contains("modules/dev-psinfo-visualvm.jar");

      Attributes m = manifest(files.get("netbeans/modules/dev-psinfo-visualvm.jar"));
      assertThat(m.getValue("OpenIDE-Module")).isEqualTo("dev.psinfo.visualvm");
      assertThat(m.getValue("OpenIDE-Module-Install"))
          .isEqualTo("dev/psinfo/visualvm/Installer.class");
      assertThat(m.getValue("Class-Path")).isEqualTo("ext/psinfo-jmx-agent.jar");
      assertThat(m.getValue("OpenIDE-Module-Java-Dependencies")).isEqualTo("Java > 17");
      // what Debian bookworm's VisualVM 2.1.5 has: core 2.4, application 2.4, tools 2.3 and the
      // platform's org.openide.modules 7.57; a build that asked for more would not load there
      List<String> deps =
          Arrays.stream(m.getValue("OpenIDE-Module-Module-Dependencies").split(","))
              .map(String::trim)
              .toList();
      assertThat(deps)
          .containsExactlyInAnyOrder(
              "org.graalvm.visualvm.core/2 > 2.0",
              "org.graalvm.visualvm.application/2 > 2.0",
              "org.graalvm.visualvm.tools/2 > 2.0",
              "org.openide.modules > 7.2");
    }
  }

  private static Attributes manifest(byte[] jar) throws IOException {
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
      Manifest m = in.getManifest();
      assertThat(m).as("the module jar's manifest").isNotNull();
      return m.getMainAttributes();
    }
  }
}
