package dev.psinfo.bench;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.jmx.ProcessTable;
import dev.psinfo.platform.Platforms;
import dev.psinfo.probe.aix.FakeAixProc;
import dev.psinfo.sampling.ProcessSampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;

/**
 * The project's process table wired as the agent wires it ({@link Platforms}, {@link
 * ProcessSampler#of}, {@link ProcessTable}, the open MBean), registered in a private MBeanServer
 * and read through it, so a read includes building the open data a JMX client gets.
 */
final class Tables {
  static final String NAME = "psinfo:type=ProcessTable";

  private Tables() {}

  /** The options for {@code agentArgs}, e.g. {@code "ttl=0"}. */
  static AgentOptions options(String agentArgs) {
    try {
      return OptionsParser.parse(agentArgs);
    } catch (OptionsException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A process table over {@code agentArgs}, like the agent's. */
  static ProcessTable table(String agentArgs) {
    AgentOptions options = options(agentArgs);
    ProcessSampler sampler = ProcessSampler.of(Platforms.of(options).processProbe(), options);
    return new ProcessTable(sampler, options.maxRows(), options.exportTop());
  }

  /** A JMX view of the process table: every {@link #read} goes through the MBeanServer. */
  static final class Jmx {
    final MBeanServer server = MBeanServerFactory.newMBeanServer();
    final ObjectName name;

    Jmx(String agentArgs) {
      try {
        name = new ObjectName(NAME);
        server.registerMBean(table(agentArgs), name);
      } catch (JMException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The {@code Processes} attribute as a JMX client gets it. */
    TabularData read() {
      try {
        return (TabularData) server.getAttribute(name, "Processes");
      } catch (JMException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * What jmx_exporter with {@code jmx-config/psinfo.yaml} reads of the table in one call: the
     * narrow {@code ProcessMetrics} view, {@code Users}, {@code ProcessCount} and {@code
     * SnapshotTimeMillis}; returns the rows of {@code ProcessMetrics}.
     */
    int readAsExporter() {
      try {
        AttributeList list =
            server.getAttributes(
                name,
                new String[] {"ProcessMetrics", "Users", "ProcessCount", "SnapshotTimeMillis"});
        return ((TabularData) list.asList().get(0).getValue()).size();
      } catch (JMException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A fresh temp dir holding a fake AIX /proc with {@code count} processes from pid 1000. */
  static Path fakeAixTree(int count) {
    try {
      Path root = Files.createTempDirectory("psinfo-bench-aix-" + count + "-");
      FakeAixProc.writeProcesses(root, 1000, count);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh temp dir holding a fake AIX /proc of {@code count} 32-bit processes from pid 1000 whose
   * command lines are longer than psargs keeps, each with a sparse {@code as} holding its argv.
   */
  static Path fakeAixTreeWithLongArgs(int count) {
    try {
      Path root = Files.createTempDirectory("psinfo-bench-aix-long-" + count + "-");
      FakeAixProc.writeProcessesWithLongArgs(root, 1000, count);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a tree made by {@link #fakeAixTree}. */
  static void delete(Path root) {
    if (root == null) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
