package dev.psinfo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A real process with secrets on its command line, read through the agent in another child JVM over
 * a JMX connector: with the default options the secret appears in no attribute and no operation
 * result; {@code scrubWords} extends the list; {@code scrubArgs=false} shows it.
 */
@EnabledOnOs(OS.LINUX)
class SecretsIT {
  /** Unique per run, so that other processes on a shared machine cannot confuse the test. */
  static final String SECRET =
      "hunter2" + Long.toHexString(new java.util.SplittableRandom().nextLong() >>> 16);

  static final ObjectName TABLE = ChildJvmNames.TABLE;

  /** Every way of passing a secret the scrubber documents, each with the same secret. */
  static final List<String> SECRET_ARGS =
      List.of(
          "--password",
          SECRET,
          "--token=" + SECRET + "-tok",
          "--api-key",
          SECRET + "-key",
          "secret=" + SECRET + "-sec",
          "DB_PASSWORD=" + SECRET + "-env",
          "--url=https://alice:" + SECRET + "@db.example.com/app",
          "jdbc:postgresql://bob:" + SECRET + "@db:5432/x",
          // issue 17: forms that leaked before
          "-H",
          "Authorization: Bearer " + SECRET + "-hdr",
          "jdbc:sqlserver://db:1433;user=sa;password=" + SECRET + "-mss",
          "jdbc:oracle:thin:scott/" + SECRET + "@db:1521:orcl",
          "{\"password\":\"" + SECRET + "-json\"}",
          "-storepass",
          SECRET + "-store",
          "--env=DB_PASSWORD=" + SECRET + "-nested",
          "https://carol:" + SECRET + "/slash@db.example.com/",
          "mysql",
          "-p" + SECRET + "-my",
          "--colour",
          SECRET + "-colour");

  static Process holder;
  static ChildJvm javaHolder;

  @BeforeAll
  static void startSecretHolders() throws Exception {
    // a shell script that stays alive (the ':' keeps sh from exec-ing sleep), with the secrets
    // as its positional arguments
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "sleep 300; :", "secret-holder"));
    cmd.addAll(SECRET_ARGS);
    holder =
        Spawned.start(
            new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD));
    // and a JVM with a secret system property and secret arguments
    List<String> appArgs = new ArrayList<>(List.of("0"));
    appArgs.addAll(SECRET_ARGS);
    javaHolder =
        ChildJvm.start(
            List.of("-Dpassword=" + SECRET, "-Djavax.net.ssl.keyStorePassword=" + SECRET),
            appArgs.toArray(String[]::new));
    String cmdline =
        new String(
            Files.readAllBytes(Path.of("/proc", Long.toString(holder.pid()), "cmdline")),
            StandardCharsets.UTF_8);
    assertThat(cmdline).contains(SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    Spawned.killTree(holder); // with its sleep, or that outlives the test
    javaHolder.close();
  }

  @Test
  void noAttributeOrOperationResultHoldsTheSecret() throws Exception {
    try (ChildJvm agent =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=scrubWords=colour"))) {
      MBeanServerConnection jmx = agent.jmx();
      StringBuilder everything = new StringBuilder();
      for (ObjectName name : jmx.queryNames(new ObjectName("psinfo:*"), null)) {
        for (MBeanAttributeInfo a : jmx.getMBeanInfo(name).getAttributes()) {
          flatten(jmx.getAttribute(name, a.getName()), everything);
        }
        for (MBeanOperationInfo op : jmx.getMBeanInfo(name).getOperations()) {
          for (Object[] args : argumentsFor(op)) {
            flatten(jmx.invoke(name, op.getName(), args, signature(op)), everything);
          }
        }
      }
      String all = everything.toString();
      // the holders are there, masked
      assertThat(all)
          .contains("secret-holder", "--password ***", "https://alice:***@db.example.com");
      assertThat(all).contains("--colour ***", "-Dpassword=***");
      assertThat(all)
          .contains(
              "Authorization: Bearer ***",
              "scott/***@db",
              "{\"password\":\"***\"}",
              "https://carol:***@db.example.com/",
              "mysql -p***");
      assertThat(all).doesNotContain(SECRET);
      assertThat(find(jmx, SECRET)).isEmpty();
      // other builds on this machine may run a secret-holder too: ours is found by its pid
      assertThat(find(jmx, "secret-holder"))
          .filteredOn(r -> Long.valueOf(holder.pid()).equals(r.get("pid")))
          .hasSize(1);
    }
  }

  @Test
  void scrubArgsFalseShowsTheCommandLineAsItIs() throws Exception {
    try (ChildJvm agent =
        ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar() + "=scrubArgs=false"))) {
      CompositeData[] rows = find(agent.jmx(), SECRET);
      assertThat(rows)
          .extracting(r -> (Long) r.get("pid"))
          .contains(holder.pid(), javaHolder.pid());
      for (CompositeData r : rows) {
        if ((Long) r.get("pid") == holder.pid()) {
          assertThat((String) r.get("args"))
              .contains("--password " + SECRET, "--colour " + SECRET + "-colour");
        }
      }
    }
  }

  @Test
  void withoutScrubWordsAWordOutsideTheListIsShown() throws Exception {
    try (ChildJvm agent = ChildJvm.start(List.of("-javaagent:" + ChildJvm.agentJar()))) {
      CompositeData[] rows = find(agent.jmx(), "colour " + SECRET);
      assertThat(rows).extracting(r -> (Long) r.get("pid")).contains(holder.pid());
      assertThat((String) rows[0].get("args")).contains("--password ***");
    }
  }

  private static CompositeData[] find(MBeanServerConnection jmx, String regex) throws Exception {
    return (CompositeData[])
        jmx.invoke(TABLE, "find", new Object[] {regex}, new String[] {"java.lang.String"});
  }

  /** Arguments that make each operation return as much as it can. */
  private List<Object[]> argumentsFor(MBeanOperationInfo op) {
    long me = ProcessHandle.current().pid();
    return switch (op.getName()) {
      case "topByCpu", "topByMemory" -> List.<Object[]>of(new Object[] {100_000});
      case "process" -> List.of(new Object[] {holder.pid()}, new Object[] {javaHolder.pid()});
      case "find" -> List.of(new Object[] {"."}, new Object[] {SECRET}, new Object[] {"secret"});
      case "byUser" -> List.<Object[]>of(new Object[] {System.getProperty("user.name")});
      case "children" -> List.<Object[]>of(new Object[] {me});
      case "ancestors" -> List.<Object[]>of(new Object[] {holder.pid()});
      case "psText" -> List.<Object[]>of(new Object[] {"pid", 0});
      // the Agent bean's one action: the level it has already, and its answer is checked too
      case "applyOptions" -> List.<Object[]>of(new Object[] {"log=warn"});
      default -> List.<Object[]>of(new Object[0]);
    };
  }

  private static String[] signature(MBeanOperationInfo op) {
    MBeanParameterInfo[] params = op.getSignature();
    String[] types = new String[params.length];
    for (int i = 0; i < params.length; i++) {
      types[i] = params[i].getType();
    }
    return types;
  }

  /** Every value reachable from {@code v} as text. */
  static void flatten(Object v, StringBuilder out) {
    if (v instanceof CompositeData c) {
      for (String key : c.getCompositeType().keySet()) {
        out.append(key).append('=');
        flatten(c.get(key), out);
      }
    } else if (v instanceof TabularData t) {
      for (Object row : t.values()) {
        flatten(row, out);
      }
    } else if (v instanceof Object[] a) {
      for (Object o : a) {
        flatten(o, out);
      }
    } else if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(e.getKey(), out);
        flatten(e.getValue(), out);
      }
    } else if (v instanceof Collection<?> c) {
      for (Object o : c) {
        flatten(o, out);
      }
    } else {
      out.append(v);
    }
    out.append('\n');
  }
}
