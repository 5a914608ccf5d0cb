package dev.psinfo.bench;

import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.USER;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessField;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.Visibility;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSample;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The user's regexes over one sample, without I/O: a fixed table of 1,000 processes (a third of
 * them JVMs whose command lines name a jar, some with a psinfo agent and its options), sampled with
 * {@code include} and {@code exclude}, then three groups' totals and a {@code pin} pass over every
 * shown row, as the agent evaluates them for one snapshot. Scores are per sample.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBench {
  private static final String[] ARGS = {
    "java -Xmx1g -Dapp.name=orders"
        + " -javaagent:/opt/psinfo/psinfo-jmx-agent.jar=group.web=nginx,ttl=5s"
        + " -jar /opt/app/orders-service-2.4.1.jar --spring.profiles.active=prod --server.port=8080",
    "java -Xms512m -Xmx2g -XX:+UseG1GC -Dlog4j.configurationFile=/opt/kafka/config/log4j2.yaml"
        + " -cp /opt/kafka/libs/kafka-clients.jar:/opt/kafka/libs/kafka.jar kafka.Kafka"
        + " /opt/kafka/config/server.properties",
    "java -Dcatalina.base=/opt/tomcat -jar /opt/tomcat/bin/bootstrap.jar start",
    "nginx: master process /usr/sbin/nginx -g daemon off;",
    "nginx: worker process",
    "postgres: checkpointer",
    "/usr/lib/systemd/systemd-journald",
    "sshd: deploy@pts/0",
    "-bash",
  };

  private ProcessSampler sampler;
  private final List<UserPattern> groups =
      List.of(
          UserPattern.compile("nginx"),
          UserPattern.compile("orders-service"),
          UserPattern.compile("kafka\\.Kafka"));
  private final UserPattern pin = UserPattern.compile("postgres: checkpointer");

  @Setup
  public void setUp() {
    List<ProcessInfo> processes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String args = ARGS[i % ARGS.length];
      String name = args.startsWith("java") ? "java" : args.split("[ :]", 2)[0];
      processes.add(
          ProcessInfo.builder(1000 + i)
              .set(PPID, 1)
              .set(USER, "app")
              .set(NAME, name)
              .set(ProcessField.ARGS, args)
              .set(CPU_TIME_MILLIS, i)
              .set(START_TIME_MILLIS, 1_700_000_000_000L)
              .build());
    }
    ProcessProbe probe =
        new ProcessProbe() {
          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public ProcessScan scan() {
            return new ProcessScan(
                processes,
                System.currentTimeMillis(),
                System.nanoTime(),
                0,
                ScanStats.EMPTY,
                Visibility.UNKNOWN);
          }
        };
    ProcessFilter filter =
        new ProcessFilter(
            UserPattern.compile("java|nginx|postgres|sshd|bash|systemd"),
            UserPattern.compile("kworker|migration"),
            Set.of());
    sampler = new ProcessSampler(probe, filter, null, Duration.ZERO, System::nanoTime);
  }

  /** One sample: the filter, three groups' totals and a pin pass over the shown rows. */
  @Benchmark
  public long sampleGroupsAndPin() {
    Snapshot snapshot = sampler.refresh();
    long sum = 0;
    for (UserPattern group : groups) {
      sum += snapshot.totals(group).processCount();
    }
    for (ProcessSample s : snapshot.samples()) {
      if (ProcessFilter.matches(pin, s)) {
        sum++;
      }
    }
    return sum;
  }
}
