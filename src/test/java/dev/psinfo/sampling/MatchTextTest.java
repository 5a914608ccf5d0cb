package dev.psinfo.sampling;

import static dev.psinfo.sampling.FakeProbe.process;
import static org.assertj.core.api.Assertions.assertThat;

import dev.psinfo.agent.Agent;
import dev.psinfo.config.UserPattern;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTextTest {
  private static final String JVM =
      "/usr/lib/jvm/java-17/bin/java -javaagent:/opt/psinfo/psinfo-jmx-agent.jar=group.web=nginx,"
          + "pin=nginx,ttl=5s -Dapp.role=web-frontend -Xmx1g -jar /srv/shop.jar --port 80";

  @Test
  void dropsTheOptionsOfAPsinfoJavaagentAndKeepsEverythingElse() {
    assertThat(MatchText.of(JVM))
        .isEqualTo(
            "/usr/lib/jvm/java-17/bin/java -javaagent:/opt/psinfo/psinfo-jmx-agent.jar"
                + " -Dapp.role=web-frontend -Xmx1g -jar /srv/shop.jar --port 80");
  }

  @Test
  void keepsOtherAgentsOptionsAndCommandLinesWithoutPsinfo() {
    String other =
        "java -javaagent:/opt/otel/opentelemetry-javaagent.jar=nginx -cp a.jar com.example.Main";
    assertThat(MatchText.of(other)).isSameAs(other);
    String plain = "nginx: worker process";
    assertThat(MatchText.of(plain)).isSameAs(plain);
    String noOptions = "java -javaagent:psinfo-jmx-agent.jar -Dx=nginx Main";
    assertThat(MatchText.of(noOptions)).isEqualTo(noOptions);
  }

  @Test
  void recognisesTheJarByNameInAnyCaseWithVersionsAndRelativePaths() {
    assertThat(MatchText.of("java -javaagent:PSINFO-jmx-agent-1.2.0.jar=group.a=x Main"))
        .isEqualTo("java -javaagent:PSINFO-jmx-agent-1.2.0.jar Main");
    assertThat(MatchText.of("java -javaagent:lib/psinfo.jar=config=/etc/nginx.properties"))
        .isEqualTo("java -javaagent:lib/psinfo.jar");
    assertThat(MatchText.of("java -javaagent:/my dir/psinfo.jar=group.a=nginx Main"))
        .isEqualTo("java -javaagent:/my dir/psinfo.jar Main");
  }

  @Test
  void twoAgentsTheOtherOneKeepsItsOptions() {
    assertThat(
            MatchText.of(
                "java -javaagent:/o/other.jar=nginx -javaagent:/p/psinfo-jmx-agent.jar=group.w=nginx"
                    + " -Dk=v Main"))
        .isEqualTo(
            "java -javaagent:/o/other.jar=nginx -javaagent:/p/psinfo-jmx-agent.jar -Dk=v Main");
    assertThat(MatchText.of("java -javaagent:/o/other.jar -Dk=nginx Main"))
        .isEqualTo("java -javaagent:/o/other.jar -Dk=nginx Main");
  }

  @Test
  void dropsTheArgumentsOfThePsinfoCommandLineAndOfJcmdAgentLoad() {
    assertThat(MatchText.of("java -jar target/psinfo-jmx-agent.jar attach 4242 group.web=nginx"))
        .isEqualTo("java -jar target/psinfo-jmx-agent.jar");
    assertThat(MatchText.of("java -jar psinfo-jmx-agent.jar ps --match nginx"))
        .isEqualTo("java -jar psinfo-jmx-agent.jar");
    assertThat(MatchText.of("jcmd 4242 JVMTI.agent_load /opt/psinfo-jmx-agent.jar group.web=nginx"))
        .isEqualTo("jcmd 4242 JVMTI.agent_load /opt/psinfo-jmx-agent.jar");
    assertThat(MatchText.of("java -cp /opt/x.jar dev.psinfo.cli.Main attach 1 group.a=nginx"))
        .isEqualTo("java -cp /opt/x.jar dev.psinfo.cli.Main");
    // an application jar is not psinfo's: its arguments stay
    assertThat(MatchText.of("java -jar nginx-admin.jar --upstream nginx"))
        .isEqualTo("java -jar nginx-admin.jar --upstream nginx");
  }

  @Test
  void aRenamedJarIsRecognisedByItsManifest(@TempDir Path dir) throws IOException {
    Path ours = jar(dir.resolve("monitor.jar"), MatchText.AGENT_CLASS);
    Path theirs = jar(dir.resolve("other.jar"), "com.example.Agent");
    assertThat(MatchText.of("java -javaagent:" + ours + "=group.web=nginx Main"))
        .isEqualTo("java -javaagent:" + ours + " Main");
    assertThat(MatchText.of("java -javaagent:" + theirs + "=nginx Main"))
        .isEqualTo("java -javaagent:" + theirs + "=nginx Main");
    Path missing = dir.resolve("gone.jar");
    assertThat(MatchText.of("java -javaagent:" + missing + "=nginx Main"))
        .isEqualTo("java -javaagent:" + missing + "=nginx Main");
    assertThat(MatchText.AGENT_CLASS).isEqualTo(Agent.class.getName());
    assertThat(MatchText.CLI_MAIN).isEqualTo(dev.psinfo.cli.Main.class.getName());
  }

  @Test
  void aSampleComputesItsMatchTextOnceForEveryRegex() {
    ProcessSample jvm = new ProcessSample(process(100, 1, "app", "java", JVM, 10, 1), 0);
    String text = jvm.matchText();
    assertThat(text).isEqualTo(MatchText.of(JVM)).isNotEqualTo(JVM);
    assertThat(MatchText.of(JVM)).isNotSameAs(MatchText.of(JVM)); // each call builds it anew
    assertThat(jvm.matchText()).isSameAs(text); // the sample keeps the one it built
    assertThat(ProcessFilter.matches(UserPattern.compile("shop\\.jar"), jvm)).isTrue();
    assertThat(jvm.matchText()).isSameAs(text);
  }

  @Test
  void groupsPinsFiltersAndFindDoNotMatchPsinfoOptions() {
    ProcessSample jvm = new ProcessSample(process(100, 1, "app", "java", JVM, 10, 1), 0);
    ProcessSample attach =
        new ProcessSample(
            process(
                101, 1, "app", "java", "java -jar psinfo-jmx-agent.jar attach 100 pin=nginx", 1, 1),
            0);
    ProcessSample nginx =
        new ProcessSample(process(102, 1, "root", "nginx", "nginx: master process", 1, 1), 0);
    UserPattern web = UserPattern.compile("nginx");
    assertThat(ProcessFilter.matches(web, jvm)).isFalse();
    assertThat(ProcessFilter.matches(web, attach)).isFalse();
    assertThat(ProcessFilter.matches(web, nginx)).isTrue();
    // the rest of the JVM's command line is still matched: -D flags, jar names, the agent's path
    assertThat(ProcessFilter.matches(UserPattern.compile("app\\.role=web"), jvm)).isTrue();
    assertThat(ProcessFilter.matches(UserPattern.compile("shop\\.jar"), jvm)).isTrue();
    assertThat(ProcessFilter.matches(UserPattern.compile("psinfo-jmx-agent"), jvm)).isTrue();
    assertThat(
            new ProcessFilter(UserPattern.compile("ttl=5s"), null, Set.of()).test(jvm)) // include
        .isFalse();
    assertThat(new ProcessFilter(null, UserPattern.compile("pin="), Set.of()).test(jvm)) // exclude
        .isTrue();

    FakeProbe probe = new FakeProbe().then(0, List.of(jvm.info(), attach.info(), nginx.info()));
    Snapshot s =
        new ProcessSampler(
                probe,
                ProcessFilter.ALL,
                new ArgsScrubber(List.of()),
                Duration.ofSeconds(2),
                () -> 0L)
            .snapshot();
    assertThat(s.totals(web).pids()).containsExactly(102L);
    assertThat(s.find(web, Duration.ofSeconds(5)))
        .extracting(p -> p.info().pid())
        .containsExactly(102L);
  }

  private static Path jar(Path path, String agentClass) throws IOException {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Premain-Class", agentClass);
    try (OutputStream out = Files.newOutputStream(path);
        JarOutputStream j = new JarOutputStream(out, m)) {
      j.flush();
    }
    return path;
  }
}
