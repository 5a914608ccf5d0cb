package dev.psinfo.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code attach PID [OPTIONS]}: loads this jar as an agent into a running JVM with the Attach API,
 * then connects to that JVM's local management agent and lists the {@code psinfo:*} MBeans.
 */
final class AttachCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar attach PID [OPTIONS] [--force]

      Loads the psinfo-jmx agent (this jar) into the running JVM with process id PID, as if it
      had been started with -javaagent:psinfo-jmx-agent.jar=OPTIONS, then lists the MBeans it
      registered (psinfo:type=ProcessTable, SystemInfo, Agent). Open them with jconsole PID, or
      read them with 'jmx' when that JVM has a JMX port.

      OPTIONS are the agent's comma-separated key=value options (e.g. ttl=5s,exclude=^kworker);
      they are checked here first. Attaching again changes nothing: the agent registers once
      per JVM, and the first options stay.

      Requirements (the Attach API's): run this with a JDK (not a JRE) as the same user as the
      target JVM, and the target must not run with -XX:+DisableAttachMechanism. To protect
      processes that are not JVMs (the Attach API signals its target with SIGQUIT, which ends
      most programs), PID must be a JVM this user can see; --force skips that check (for a JVM
      started with -XX:-UsePerfData).

      Options:
        --force      attach even when PID is not listed as a Java VM (see above)
        -h, --help   this text

      Example:
        java -jar psinfo-jmx-agent.jar attach 12345 ttl=5s,maxRows=200
      """;

  private AttachCommand() {}

  static int run(Cli cli, List<String> tokens) throws UsageException, CliException {
    Args a = Args.parse("attach", tokens, Set.of(), Set.of("--force"));
    if (a.help()) {
      return cli.help(HELP);
    }
    a.expectPositionals(1, 2, "PID");
    String pidText = a.positionals().get(0);
    long pid;
    try {
      pid = Long.parseLong(pidText);
    } catch (NumberFormatException e) {
      pid = -1;
    }
    if (pid <= 0) {
      throw new UsageException("attach: bad PID '" + pidText + "' (expected a process id)");
    }
    String options = a.positionals().size() > 1 ? a.positionals().get(1) : "";
    try {
      OptionsParser.parse(options);
    } catch (OptionsException e) {
      throw new UsageException("attach: " + e.getMessage());
    }
    Path jar = cli.env().agentJar().get();
    if (jar == null) {
      throw new CliException(
          "attach needs the agent jar: run it as java -jar psinfo-jmx-agent.jar attach ...");
    }
    checkTarget(pid, a.flag("--force"));

    String id = Long.toString(pid);
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(id);
    } catch (AttachNotSupportedException | IOException e) {
      throw new CliException(
          "cannot attach to pid "
              + pid
              + ": "
              + RemoteSource.rootMessage(e)
              + " (same user? a JDK? not -XX:+DisableAttachMechanism?)",
          e);
    } catch (SecurityException e) {
      throw new CliException("cannot attach to pid " + pid + ": " + e.getMessage(), e);
    }
    try {
      Set<String> before = psinfoNames(vm, pid);
      if (before.contains(RemoteSource.TABLE.toString())) {
        cli.out().println("psinfo-jmx is already registered in pid " + pid + "; nothing loaded:");
        before.forEach(n -> cli.out().println("  " + n));
        return Main.OK;
      }
      try {
        vm.loadAgent(jar.toString(), options);
      } catch (AgentLoadException | AgentInitializationException | IOException e) {
        throw new CliException(
            "pid " + pid + " did not load the agent: " + RemoteSource.rootMessage(e), e);
      }
      Set<String> after = psinfoNames(vm, pid);
      if (after.isEmpty()) {
        if (options.contains("registerDelay")) {
          cli.out()
              .println("loaded the agent into pid " + pid + "; it registers after registerDelay");
          return Main.OK;
        }
        throw new CliException(
            "pid "
                + pid
                + " loaded the agent but registered no psinfo MBeans: see that JVM's stderr");
      }
      cli.out().println("loaded psinfo-jmx into pid " + pid + "; registered:");
      after.forEach(n -> cli.out().println("  " + n));
      cli.out().println("open them with: jconsole " + pid);
      return Main.OK;
    } finally {
      try {
        vm.detach();
      } catch (IOException e) {
        // detached anyway
      }
    }
  }

  /**
   * Refuses, with the reason, to attach to what is not an attachable JVM of this user: the Attach
   * API's SIGQUIT would end a process that is not a JVM.
   */
  private static void checkTarget(long pid, boolean force) throws CliException {
    if (pid == ProcessHandle.current().pid()) {
      throw new CliException("attach: pid " + pid + " is this command itself");
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      throw new CliException("no process with pid " + pid);
    }
    if (force) {
      return;
    }
    for (VirtualMachineDescriptor d : VirtualMachine.list()) {
      if (d.id().equals(Long.toString(pid))) {
        return;
      }
    }
    ProcessHandle.Info info = handle.get().info();
    String me = System.getProperty("user.name", "");
    String owner = info.user().orElse("");
    String command = info.command().orElse("");
    String commandLine = info.commandLine().orElse(command);
    if (!owner.isEmpty() && !owner.equals(me)) {
      throw new CliException(
          "pid "
              + pid
              + " runs as user "
              + owner
              + ", this command as "
              + me
              + ": the Attach API only works between processes of the same user; run it as "
              + owner
              + " (e.g. sudo -u "
              + owner
              + " java -jar psinfo-jmx-agent.jar attach "
              + pid
              + ")");
    }
    if (commandLine.contains("-XX:+DisableAttachMechanism")) {
      throw new CliException(
          "pid "
              + pid
              + " is a JVM started with -XX:+DisableAttachMechanism: it cannot be attached to;"
              + " restart it with -javaagent:psinfo-jmx-agent.jar instead");
    }
    boolean looksLikeJava =
        command.endsWith("/java") || command.equals("java") || command.endsWith("/java.exe");
    if (looksLikeJava) {
      throw new CliException(
          "pid "
              + pid
              + " ("
              + command
              + ") is not listed as an attachable JVM (started with -XX:-UsePerfData, or a"
              + " different java.io.tmpdir, or still starting); use --force to try anyway");
    }
    throw new CliException(
        "pid "
            + pid
            + (command.isEmpty() ? "" : " (" + command + ")")
            + " is not a Java VM (the Attach API only works with JVMs); nothing was sent to it");
  }

  /** The psinfo MBean names registered in the attached JVM, read over its local JMX agent. */
  private static Set<String> psinfoNames(VirtualMachine vm, long pid) throws CliException {
    try {
      String address = vm.startLocalManagementAgent();
      try (JMXConnector c = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
        MBeanServerConnection s = c.getMBeanServerConnection();
        Set<String> names = new TreeSet<>();
        for (ObjectName n : s.queryNames(new ObjectName("psinfo:*"), null)) {
          names.add(n.toString());
        }
        return names;
      }
    } catch (IOException | MalformedObjectNameException | RuntimeException e) {
      throw new CliException(
          "cannot read the MBeans of pid " + pid + ": " + RemoteSource.rootMessage(e), e);
    }
  }
}
