package dev.psinfo.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaMain} on the command lines real launchers make (argv as the kernel keeps it: one
 * element per argument, spaces inside an argument kept), and on each rule of the launcher.
 */
class JavaMainTest {

  private static String main(String... argv) {
    return JavaMain.of(List.of(argv), false);
  }

  private static String cut(String... argv) {
    return JavaMain.of(List.of(argv), true);
  }

  @Test
  void launcherOfAFirstWordIsTheLauncherOfThatWordAlone() {
    String[][] lines = {
      {"java", "true"},
      {"/usr/bin/java -Xmx1g", "true"},
      {"javaw x", "true"},
      {"/opt/jsvc -cp a", "true"},
      {"", "false"},
      {"/", "false"},
      {"javac -d x", "false"},
      {"/usr/java/bin/sh -c java", "false"},
      {"xjava", "false"},
      {"/java/", "false"},
      {"ja va", "false"},
      {"java/x", "false"}
    };
    for (String[] c : lines) {
      String line = c[0];
      int space = line.indexOf(' ');
      String word = space < 0 ? line : line.substring(0, space);
      assertThat(JavaMain.isLauncher(line, space < 0 ? line.length() : space))
          .as(line)
          .isEqualTo(Boolean.parseBoolean(c[1]))
          .isEqualTo(JavaMain.isLauncher(word));
    }
  }

  @Test
  void maven3AsThisBuildMachineRunsIt() {
    // ps -eo args on this machine, while another worktree ran its tests
    assertThat(
            main(
                "/usr/bin/java",
                "-classpath",
                "/usr/share/maven/boot/plexus-classworlds-2.x.jar",
                "-Dclassworlds.conf=/usr/share/maven/bin/m2.conf",
                "-Dmaven.home=/usr/share/maven",
                "-Dlibrary.jansi.path=/usr/share/maven/lib/jansi-native",
                "-Dmaven.multiModuleProjectDirectory=/work/wt/cleanup24",
                "org.codehaus.plexus.classworlds.launcher.Launcher",
                "-B",
                "-q",
                "test",
                "-Dtest=Aix*",
                "-Dsurefire.failIfNoSpecifiedTests=false"))
        .isEqualTo("org.codehaus.plexus.classworlds.launcher.Launcher");
  }

  @Test
  void zookeeperFromZkServerSh() {
    // zkServer.sh start: -XX:OnOutOfMemoryError='kill -9 %p' is one argument with spaces
    assertThat(
            main(
                "java",
                "-Dzookeeper.log.dir=/opt/zookeeper/bin/../logs",
                "-Dzookeeper.log.file=zookeeper-zk-server-host1.log",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:OnOutOfMemoryError=kill -9 %p",
                "-cp",
                "/opt/zookeeper/bin/../lib/zookeeper-3.9.2.jar:/opt/zookeeper/bin/../lib/"
                    + "zookeeper-jute-3.9.2.jar:/opt/zookeeper/bin/../conf:",
                "-Xmx1000m",
                "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.local.only=false",
                "org.apache.zookeeper.server.quorum.QuorumPeerMain",
                "/opt/zookeeper/bin/../conf/zoo.cfg"))
        .isEqualTo("org.apache.zookeeper.server.quorum.QuorumPeerMain");
  }

  @Test
  void kafkaFromKafkaRunClassSh() {
    assertThat(
            main(
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "-Xmx1G",
                "-Xms1G",
                "-server",
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-XX:MaxInlineLevel=15",
                "-Djava.awt.headless=true",
                "-Xlog:gc*:file=/opt/kafka/bin/../logs/kafkaServer-gc.log:time,tags:filecount=10,"
                    + "filesize=100M",
                "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dkafka.logs.dir=/opt/kafka/bin/../logs",
                "-Dlog4j.configuration=file:/opt/kafka/bin/../config/log4j.properties",
                "-cp",
                "/opt/kafka/bin/../libs/activation-1.1.1.jar:/opt/kafka/bin/../libs/kafka_2.13-3.7.0"
                    + ".jar",
                "kafka.Kafka",
                "/opt/kafka/config/server.properties"))
        .isEqualTo("kafka.Kafka");
  }

  @Test
  void tomcatFromCatalinaShAndFromJsvc() {
    assertThat(
            main(
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "-Djava.util.logging.config.file=/opt/tomcat/conf/logging.properties",
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djdk.tls.ephemeralDHKeySize=2048",
                "-Djava.protocol.handler.pkgs=org.apache.catalina.webresources",
                "-Dorg.apache.catalina.security.SecurityListener.UMASK=0027",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                "-classpath",
                "/opt/tomcat/bin/bootstrap.jar:/opt/tomcat/bin/tomcat-juli.jar",
                "-Dcatalina.base=/opt/tomcat",
                "-Dcatalina.home=/opt/tomcat",
                "-Djava.io.tmpdir=/opt/tomcat/temp",
                "org.apache.catalina.startup.Bootstrap",
                "start"))
        .isEqualTo("org.apache.catalina.startup.Bootstrap");
    // daemon.sh start: jsvc's own options with values come before the JVM's
    assertThat(
            main(
                "/opt/tomcat/bin/jsvc",
                "-java-home",
                "/usr/lib/jvm/java-17-openjdk-amd64",
                "-user",
                "tomcat",
                "-pidfile",
                "/opt/tomcat/logs/catalina-daemon.pid",
                "-wait",
                "10",
                "-outfile",
                "/opt/tomcat/logs/catalina-daemon.out",
                "-errfile",
                "&1",
                "-classpath",
                "/opt/tomcat/bin/bootstrap.jar:/opt/tomcat/bin/commons-daemon.jar",
                "-Djava.util.logging.config.file=/opt/tomcat/conf/logging.properties",
                "-Dcatalina.base=/opt/tomcat",
                "-Dcatalina.home=/opt/tomcat",
                "org.apache.catalina.startup.Bootstrap"))
        .isEqualTo("org.apache.catalina.startup.Bootstrap");
  }

  @Test
  void gradleDaemonsAsGradleLogsTheirCommandLines() {
    // gradle/gradle#26516: "Starting process 'Gradle build daemon'. ... Command: ..."
    assertThat(
            main(
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-Xmx1024m",
                "-Dfile.encoding=UTF-8",
                "-Duser.country=US",
                "-Duser.language=en",
                "-Duser.variant",
                "-cp",
                "/usr/share/gradle/lib/gradle-launcher-4.4.1.jar",
                "org.gradle.launcher.daemon.bootstrap.GradleDaemon",
                "4.4.1"))
        .isEqualTo("org.gradle.launcher.daemon.bootstrap.GradleDaemon");
    // a Gradle 8 daemon: -javaagent after -cp, --add-opens as two words
    assertThat(
            main(
                "/opt/java/openjdk/bin/java",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens",
                "java.prefs/java.util.prefs=ALL-UNNAMED",
                "--add-exports",
                "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                "-XX:MaxMetaspaceSize=384m",
                "-Xms256m",
                "-Xmx512m",
                "-cp",
                "/root/.gradle/wrapper/dists/gradle-8.5-bin/5t9huq95ubn472n8rpzujfbqh/gradle-8.5/lib/"
                    + "gradle-launcher-8.5.jar",
                "-javaagent:/root/.gradle/wrapper/dists/gradle-8.5-bin/5t9huq95ubn472n8rpzujfbqh/"
                    + "gradle-8.5/lib/agents/gradle-instrumentation-agent-8.5.jar",
                "org.gradle.launcher.daemon.bootstrap.GradleDaemon",
                "8.5"))
        .isEqualTo("org.gradle.launcher.daemon.bootstrap.GradleDaemon");
  }

  @Test
  void elasticsearch8ServerRunsAModuleAndItsCliLauncherAClass() {
    List<String> server =
        new ArrayList<>(
            List.of(
                "/usr/share/elasticsearch/jdk/bin/java",
                "-Des.networkaddress.cache.ttl=60",
                "-Djava.security.manager=allow",
                "-XX:+AlwaysPreTouch",
                "-Xss1m",
                "--add-opens=java.base/java.io=org.elasticsearch.preallocate",
                "-XX:+UseG1GC",
                "-Djava.io.tmpdir=/tmp/elasticsearch-16771369043664518396",
                "--add-modules=jdk.incubator.vector",
                "-Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,level,pid,tags:"
                    + "filecount=32,filesize=64m",
                "-Xms512m",
                "-Xmx512m",
                "-XX:MaxDirectMemorySize=268435456",
                "-Des.distribution.type=docker",
                "--module-path",
                "/usr/share/elasticsearch/lib",
                "--add-modules=jdk.net",
                "-m",
                "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch"));
    assertThat(JavaMain.of(server, false))
        .isEqualTo("org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch");
    assertThat(
            main(
                "/usr/share/elasticsearch/jdk/bin/java",
                "-Xms4m",
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-Dcli.name=server",
                "-Dcli.script=/usr/share/elasticsearch/bin/elasticsearch",
                "-Des.path.home=/usr/share/elasticsearch",
                "-cp",
                "/usr/share/elasticsearch/lib/*:/usr/share/elasticsearch/lib/cli-launcher/*",
                "org.elasticsearch.launcher.CliToolLauncher",
                "-d"))
        .isEqualTo("org.elasticsearch.launcher.CliToolLauncher");
  }

  @Test
  void intellijStyleLaunchers() {
    // a run configuration: idea_rt.jar as an agent with a port and a path after '='
    assertThat(
            main(
                "/usr/lib/jvm/java-21-openjdk-amd64/bin/java",
                "-javaagent:/opt/idea-IC-233.11799.241/lib/idea_rt.jar=39125:/opt/idea-IC-233"
                    + ".11799.241/bin",
                "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8",
                "-classpath",
                "/home/dev/shop/target/classes:/home/dev/.m2/repository/org/h2/h2.jar",
                "com.example.shop.ShopApplication"))
        .isEqualTo("com.example.shop.ShopApplication");
    // "Shorten command line: @argfile": the class path in the file, the class on the line
    assertThat(
            main(
                "/usr/lib/jvm/java-21-openjdk-amd64/bin/java",
                "-javaagent:/opt/idea/lib/idea_rt.jar=39125:/opt/idea/bin",
                "-Dfile.encoding=UTF-8",
                "@/tmp/idea_arg_file1590231066",
                "com.example.shop.ShopApplication"))
        .isEqualTo("com.example.shop.ShopApplication");
    // the IDE itself from idea.sh (before the native launcher)
    assertThat(
            main(
                "/opt/idea/jbr/bin/java",
                "-classpath",
                "/opt/idea/lib/platform-loader.jar:/opt/idea/lib/util-8.jar:/opt/idea/lib/util.jar",
                "-XX:ReservedCodeCacheSize=512m",
                "-Xms128m",
                "-Xmx2048m",
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-Djava.system.class.loader=com.intellij.util.lang.PathClassLoader",
                "-Didea.vendor.name=JetBrains",
                "-Didea.paths.selector=IdeaIC2023.3",
                "-Djna.boot.library.path=/opt/idea/lib/jna/amd64",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED",
                "-splash:/opt/idea/bin/idea.png",
                "com.intellij.idea.Main"))
        .isEqualTo("com.intellij.idea.Main");
    // the native launcher has no main on its line: not recognised
    assertThat(main("/opt/idea/bin/idea", "/home/dev/shop")).isEmpty();
  }

  @Test
  void jarGivesTheFileNameAndOptionsMayFollowJar() {
    assertThat(
            main(
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "-jar",
                "/work/wt/x/target/surefire/surefirebooter-20261207043210_3.jar",
                "/work/wt/x/target/surefire",
                "2026-12-07T04-32-09_915-jvmRun1",
                "surefire-20261207043210_1tmp"))
        .isEqualTo("surefirebooter-20261207043210_3.jar");
    assertThat(main("java", "-jar", "-Xmx64m", "-cp", "ignored.jar", "lib/zookeeper-3.9.5.jar"))
        .isEqualTo("zookeeper-3.9.5.jar");
    assertThat(main("java", "-Dx=1", "-jar", "app.jar", "-cp", "x", "Other")).isEqualTo("app.jar");
    assertThat(main("java", "-jar")).isEmpty();
  }

  @Test
  void moduleForms() {
    assertThat(main("java", "-p", "mods", "-m", "com.greetings/com.greetings.Main", "arg"))
        .isEqualTo("com.greetings/com.greetings.Main");
    assertThat(main("java", "--module-path", "mods", "--module", "com.greetings"))
        .isEqualTo("com.greetings");
    assertThat(main("java", "--module-path=mods", "--module=com.greetings/a.B", "x"))
        .isEqualTo("com.greetings/a.B");
    // the value of -m is taken whatever it looks like; a missing one names nothing
    assertThat(main("java", "-m", "-jar")).isEqualTo("-jar");
    assertThat(main("java", "-p", "mods", "-m")).isEmpty();
  }

  @Test
  void valuedOptionsSkipTheirValueEvenWhenItLooksLikeAClass() {
    assertThat(
            main(
                "java",
                "--add-reads",
                "a=b",
                "--patch-module",
                "java.base=p",
                "--limit-modules",
                "java.base",
                "--upgrade-module-path",
                "up",
                "--add-modules",
                "ALL-SYSTEM",
                "--enable-native-access",
                "ALL-UNNAMED",
                "--class-path",
                "org.Fake",
                "org.Real"))
        .isEqualTo("org.Real");
    assertThat(main("java", "-cp")).isEmpty();
    assertThat(main("java", "-cp", "a.jar")).isEmpty();
  }

  @Test
  void sourceFiles() {
    assertThat(main("java", "-Dx=y", "/home/dev/scripts/Hello.java", "arg"))
        .isEqualTo("Hello.java");
    assertThat(main("java", "--source", "21", "/usr/local/bin/hello-script", "arg"))
        .isEqualTo("hello-script");
    assertThat(main("java", "--source=21", "dir/script")).isEqualTo("script");
  }

  @Test
  void argfilesAreNotReadAndSaySo() {
    assertThat(main("java", "@/tmp/options", "@classes")).isEqualTo("@/tmp/options");
    assertThat(main("java", "-Xmx1g", "@argfile", "org.example.Main", "@not-an-argfile"))
        .isEqualTo("org.example.Main");
    // @@ is the launcher's escape for a word starting with @
    assertThat(main("java", "-cp", "x", "@@Weird")).isEqualTo("@Weird");
    assertThat(main("java", "--disable-@files", "-cp", "x", "@Literal")).isEqualTo("@Literal");
  }

  @Test
  void notAJvm() {
    assertThat(main("/usr/bin/python3", "-m", "http.server")).isEmpty();
    assertThat(main("bash", "-c", "java -cp x org.example.Main")).isEmpty();
    assertThat(main("/usr/bin/javac", "-d", "out", "Main.java")).isEmpty();
    assertThat(main("/usr/lib/jvm/java-17/bin/java-rmi.cgi")).isEmpty();
    assertThat(main("[kthreadd]")).isEmpty();
    assertThat(JavaMain.of(List.of(), false)).isEmpty();
    assertThat(main("java", "-version")).isEmpty();
    assertThat(main("javaw", "-cp", "x", "a.B")).isEqualTo("a.B");
    assertThatNullPointerException().isThrownBy(() -> JavaMain.of(null, false));
  }

  @Test
  void aValueThatMayBeCutIsNeverGiven() {
    // AIX psargs keeps 80 bytes: the main class, last, may be cut
    assertThat(cut("java", "-Xmx512m", "-cp", "/opt/app/lib/a.jar", "org.exa")).isEmpty();
    assertThat(cut("java", "-cp", "/opt/app/lib/a.jar:/opt/app/lib/b")).isEmpty();
    assertThat(cut("java", "-jar", "/opt/app/app.jar", "--spring.profiles.act"))
        .isEqualTo("app.jar");
    assertThat(cut("java", "-m", "mod/a.B", "x")).isEqualTo("mod/a.B");
    assertThat(cut("java", "-m", "mod/a.")).isEmpty();
    assertThat(cut("java", "--module=mod/a.")).isEmpty();
    assertThat(cut("java", "@/tmp/idea_arg_f")).isEmpty();
    assertThat(cut("java", "@/tmp/args", "-Dx")).as("the main may follow the cut").isEmpty();
    assertThat(cut("java", "@/tmp/args", "a.B", "")).isEqualTo("a.B");
    assertThat(cut("java", "-cp", "x", "@@We")).isEmpty();
  }
}
