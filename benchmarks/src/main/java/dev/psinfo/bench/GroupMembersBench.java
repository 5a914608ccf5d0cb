package dev.psinfo.bench;

import static dev.psinfo.probe.ProcessField.ARGS;
import static dev.psinfo.probe.ProcessField.CPU_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.NAME;
import static dev.psinfo.probe.ProcessField.PPID;
import static dev.psinfo.probe.ProcessField.RSS_BYTES;
import static dev.psinfo.probe.ProcessField.START_TIME_MILLIS;
import static dev.psinfo.probe.ProcessField.USER;

import dev.psinfo.config.UserPattern;
import dev.psinfo.probe.ProcessInfo;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.ProcessScan;
import dev.psinfo.probe.ScanStats;
import dev.psinfo.probe.Visibility;
import dev.psinfo.sampling.GroupMembers;
import dev.psinfo.sampling.ProcessFilter;
import dev.psinfo.sampling.ProcessSampler;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one process group's members cost per snapshot ({@code GroupMembers.totals}, what {@code
 * host.HostGroup} computes once per snapshot on the first read), with {@code groupChildren=false}
 * (the matching processes only) and {@code true} (their shown descendants too), over a fixed host
 * of {@code processes} processes without I/O. The host is a realistic tree, built the same for a
 * given size (seeded): init and kthreadd with kernel threads (10 %), six services each with
 * children and grandchildren (nginx workers; postgres backends; the group's Java service running
 * shell scripts that run tools; gunicorn workers with a child each; sshd sessions with a shell and
 * its jobs; cron running a backup script running tar), and user sessions ({@code systemd --user}, a
 * terminal, shells and their jobs) for the rest; pids grow with start time except for 1 % of the
 * processes, whose parent exited and whose parent pid now belongs to a process started after them
 * (a reused pid: the link is refused). The group is {@code orders-service} (the Java service,
 * matched by its arguments). The snapshot is built once in set-up and each invocation evaluates the
 * group over it, as the first read of a new snapshot does (the match text of each sample is already
 * computed then, by the filter or the group before). Scores are per group and snapshot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GroupMembersBench {
  @Param({"1000", "10000"})
  public int processes;

  @Param({"false", "true"})
  public boolean children;

  private final UserPattern group = UserPattern.compile("orders-service");
  private Snapshot snapshot;

  @Setup
  public void setUp() {
    List<ProcessInfo> host = Hosts.tree(processes, 42);
    ProcessProbe probe =
        new ProcessProbe() {
          @Override
          public String name() {
            return "fixed";
          }

          @Override
          public ProcessScan scan() {
            return new ProcessScan(
                host,
                System.currentTimeMillis(),
                System.nanoTime(),
                0,
                ScanStats.EMPTY,
                Visibility.UNKNOWN);
          }
        };
    snapshot =
        new ProcessSampler(probe, ProcessFilter.ALL, null, Duration.ZERO, System::nanoTime)
            .refresh();
    ProcessTotals withChildren = GroupMembers.totals(snapshot, group, true);
    ProcessTotals alone = GroupMembers.totals(snapshot, group, false);
    if (alone.processCount() != 1 || withChildren.processCount() <= alone.processCount()) {
      throw new IllegalStateException(
          "unexpected tree: " + alone.processCount() + " / " + withChildren.processCount());
    }
  }

  /** The group's totals over the snapshot, as the first read of a new snapshot computes them. */
  @Benchmark
  public ProcessTotals groupTotals() {
    return GroupMembers.totals(snapshot, group, children);
  }

  /** The synthetic hosts. */
  static final class Hosts {
    private static final long BOOT_MILLIS = 1_700_000_000_000L;

    private final List<ProcessInfo> out = new ArrayList<>();
    private final Random random;
    private long nextPid = 1;
    private long clock = BOOT_MILLIS;

    private Hosts(long seed) {
      random = new Random(seed);
    }

    /**
     * A host of exactly {@code n} processes (at least 200), the same for the same {@code n} and
     * {@code seed}: see the class comment.
     */
    static List<ProcessInfo> tree(int n, long seed) {
      if (n < 200) {
        throw new IllegalArgumentException("n must be >= 200: " + n);
      }
      Hosts h = new Hosts(seed);
      long init = h.add(0, "systemd", "/sbin/init");
      long kthreadd = h.add(0, "kthreadd", "");
      for (int i = 0; i < n / 10; i++) {
        h.add(kthreadd, "kworker/" + i % 4 + ":" + i, "");
      }
      long nginx = h.add(init, "nginx", "nginx: master process /usr/sbin/nginx -g daemon off;");
      for (int i = 0; i < Math.max(2, n / 200); i++) {
        h.add(nginx, "nginx", "nginx: worker process");
      }
      long postmaster = h.add(init, "postgres", "/usr/lib/postgresql/15/bin/postgres -D /data");
      for (String aux : List.of("checkpointer", "background writer", "walwriter")) {
        h.add(postmaster, "postgres", "postgres: " + aux);
      }
      for (int i = 0; i < n / 50; i++) {
        h.add(postmaster, "postgres", "postgres: app orders 10.0.0." + i % 250 + " idle");
      }
      long orders =
          h.add(
              init,
              "java",
              "java -Xmx1g -jar /opt/app/orders-service-2.4.1.jar --server.port=8080");
      for (int i = 0; i < 3; i++) {
        long sh = h.add(orders, "sh", "sh -c /opt/app/bin/export-" + i + ".sh");
        h.add(sh, "curl", "curl -sf http://127.0.0.1:8080/health");
        h.add(sh, "gzip", "gzip -9");
      }
      long gunicorn = h.add(init, "gunicorn", "gunicorn: master [billing]");
      for (int i = 0; i < Math.max(2, n / 250); i++) {
        long worker = h.add(gunicorn, "gunicorn", "gunicorn: worker [billing]");
        h.add(worker, "python3", "python3 -m billing.render");
      }
      long sshd = h.add(init, "sshd", "sshd: /usr/sbin/sshd -D [listener]");
      long cron = h.add(init, "cron", "/usr/sbin/cron -f");
      long backup =
          h.add(h.add(cron, "sh", "/bin/sh -c /usr/local/bin/backup.sh"), "backup.sh", "");
      h.add(backup, "tar", "tar czf /backup/data.tgz /data");
      int sessions = 0;
      while (h.out.size() < n) {
        if (sessions++ % 2 == 0) {
          long session = h.add(sshd, "sshd", "sshd: deploy@pts/" + sessions);
          long bash = h.add(session, "bash", "-bash");
          h.add(bash, "tail", "tail -F /var/log/app/orders.log");
        } else {
          long user = h.add(init, "systemd", "/lib/systemd/systemd --user");
          long term = h.add(user, "gnome-terminal-", "/usr/libexec/gnome-terminal-server");
          for (int i = 0; i < 3; i++) {
            long bash = h.add(term, "bash", "bash");
            h.add(bash, "vim", "vim notes-" + i + ".txt");
          }
        }
      }
      return h.reuseParents(h.out.subList(0, n));
    }

    private long add(long ppid, String name, String args) {
      long pid = nextPid;
      nextPid += 1 + random.nextInt(3); // other short-lived processes took the pids in between
      clock += 1 + random.nextInt(1000);
      out.add(
          ProcessInfo.builder(pid)
              .set(PPID, ppid)
              .set(USER, "app")
              .set(NAME, name)
              .set(ARGS, args)
              .set(CPU_TIME_MILLIS, random.nextInt(100_000))
              .set(RSS_BYTES, 1024L * random.nextInt(100_000))
              .set(START_TIME_MILLIS, clock)
              .build());
      return pid;
    }

    /**
     * 1 % of the processes (not the first 2): their parent exited and its pid was reused by a
     * process that started after them, so their parent pid names a process that is not their
     * parent.
     */
    private List<ProcessInfo> reuseParents(List<ProcessInfo> host) {
      List<ProcessInfo> result = new ArrayList<>(host);
      int n = result.size();
      for (int k = 0; k < n / 100; k++) {
        int child = 2 + random.nextInt(n - 3);
        int younger = child + 1 + random.nextInt(n - child - 1);
        ProcessInfo c = result.get(child);
        result.set(
            child,
            ProcessInfo.builder(c.pid())
                .set(PPID, result.get(younger).pid())
                .set(USER, c.user())
                .set(NAME, c.name())
                .set(ARGS, c.args())
                .set(CPU_TIME_MILLIS, c.cpuTimeMillis())
                .set(RSS_BYTES, c.rssBytes())
                .set(START_TIME_MILLIS, c.startTimeMillis())
                .build());
      }
      return List.copyOf(result);
    }
  }
}
