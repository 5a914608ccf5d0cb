package dev.psinfo.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.psinfo.config.OptionsException;
import dev.psinfo.config.OptionsParser;
import dev.psinfo.jmx.AgentStatus;
import dev.psinfo.text.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code attach PID [OPTIONS]}: loads this jar as an agent into a running JVM with the Attach API
 * and lists the {@code psinfo:*} MBeans it registered, read from the system property the agent sets
 * ({@link AgentStatus#REGISTERED_PROPERTY}) through the same Attach API. It does not start the
 * target's JMX management agent (which would leave a listening socket and RMI threads in it for its
 * lifetime) unless asked to with {@code --start-management-agent}.
 */
final class AttachCommand {
  static final String HELP =
      """
      Usage: java -jar psinfo-jmx-agent.jar attach PID [OPTIONS] [--force]
                                                   [--start-management-agent]

      Loads the psinfo-jmx agent (this jar) into the running JVM with process id PID, as if it
      had been started with -javaagent:psinfo-jmx-agent.jar=OPTIONS, then lists the MBeans it
      registered (psinfo:type=ProcessTable, SystemInfo, Coverage, Agent). Open them with
      jconsole -pluginpath psinfo-jmx-agent.jar PID (JConsole starts that JVM's local JMX
      connector itself; the jar adds its Processes and System tabs), or read them with 'jmx'
      when that JVM has a JMX port. attach opens no port in the target JVM unless asked to
      with --start-management-agent.

      OPTIONS are the agent's comma-separated key=value options (e.g. ttl=5s,exclude=^kworker);
      they are checked here first. The agent registers once per JVM: attaching again with
      OPTIONS applies those that change at run time (log, ttl, eventInterval) and names, in
      one line, those that need a restart of that JVM (the others).

      Requirements (the Attach API's): run this with a JDK (not a JRE) as the same user as the
      target JVM, and the target must not run with -XX:+DisableAttachMechanism. To protect
      processes that are not JVMs (the Attach API signals its target with SIGQUIT, which ends
      most programs), PID must be a JVM this user can see; --force skips that check (for a JVM
      started with -XX:-UsePerfData).

      Options:
        --force                   attach even when PID is not listed as a Java VM (see above)
        --start-management-agent  also start the target's local JMX connector (what jconsole PID
                                  does; it listens on a loopback port for the rest of that JVM's
                                  life) and print its address
        -h, --help                this text

      Example:
        java -jar psinfo-jmx-agent.jar attach 12345 ttl=5s,maxRows=200
      """;

  private AttachCommand() {}

  static int run(Cli cli, List<String> tokens) throws UsageException, CliException {
    Args a = Args.parse("attach", tokens, Set.of(), Set.of("--force", "--start-management-agent"));
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
      List<String> before = registeredNames(vm, pid);
      if (before.contains(RemoteSource.TABLE.toString())) {
        if (options.isBlank()) {
          cli.out().println("psinfo-jmx is already registered in pid " + pid + "; nothing loaded:");
        } else {
          cli.out()
              .println(
                  "psinfo-jmx is already registered in pid "
                      + pid
                      + "; "
                      + change(vm, pid, jar, options));
        }
        // the names come from the target JVM's system property: text for people, escaped
        before.forEach(n -> cli.out().println("  " + Printable.escape(n)));
        startManagementAgent(cli, vm, pid, a.flag("--start-management-agent"));
        return Main.OK;
      }
      loadAgent(vm, pid, jar, options);
      List<String> after = registeredNames(vm, pid);
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
      after.forEach(n -> cli.out().println("  " + Printable.escape(n)));
      startManagementAgent(cli, vm, pid, a.flag("--start-management-agent"));
      cli.out()
          .println(
              "open them with: jconsole -pluginpath "
                  + jar.toAbsolutePath()
                  + " "
                  + pid
                  + "   (its Processes and System tabs; plain jconsole "
                  + pid
                  + ": MBeans > psinfo)");
      return Main.OK;
    } finally {
      try {
        vm.detach();
      } catch (IOException e) {
        // detached anyway
      }
    }
  }

  /** Starts the target's local JMX connector when asked to; prints its address. */
  private static void startManagementAgent(Cli cli, VirtualMachine vm, long pid, boolean asked)
      throws CliException {
    if (!asked) {
      return;
    }
    try {
      cli.out()
          .println("local JMX connector of pid " + pid + ": " + vm.startLocalManagementAgent());
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          "cannot start the JMX connector of pid " + pid + ": " + RemoteSource.rootMessage(e), e);
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

  /**
   * Loads the agent again into a JVM where it is registered, so that it applies the options that
   * change at run time; returns the agent's one line about what it applied and what needs a restart
   * (an agent too old to change anything sets none).
   */
  private static String change(VirtualMachine vm, long pid, Path jar, String options)
      throws CliException {
    loadAgent(vm, pid, jar, options);
    String line = systemProperty(vm, pid, AgentStatus.APPLIED_PROPERTY);
    return line.isBlank()
        ? "its agent is older and changes no option at run time: nothing applied (restart the JVM)"
        : line;
  }

  /** Loads {@code jar} with {@code options} into the attached JVM. */
  private static void loadAgent(VirtualMachine vm, long pid, Path jar, String options)
      throws CliException {
    try {
      vm.loadAgent(jar.toString(), options);
    } catch (AgentLoadException | AgentInitializationException | IOException e) {
      String why = RemoteSource.rootMessage(e);
      throw new CliException(
          "pid "
              + pid
              + " did not load the agent: "
              + why
              + jarHint(
                  why,
                  pid,
                  ProcessHandle.of(pid).flatMap(p -> p.info().user()).orElse(""),
                  System.getProperty("user.name", ""),
                  jar),
          e);
    }
  }

  /**
   * What to check when the target JVM could not open the agent's jar (the JVM opens it itself, as
   * its own user, so a jar under a directory only we can enter is "not found" there): the user it
   * runs as when that is not ours; {@code ""} for any other failure.
   */
  static String jarHint(String why, long pid, String targetUser, String ownUser, Path jar) {
    if (!why.contains("Agent JAR not found")) {
      return "";
    }
    String who =
        targetUser.isEmpty() || targetUser.equals(ownUser)
            ? "the JVM"
            : "pid " + pid + " runs as " + targetUser + ", not " + ownUser + ": that user";
    return " ("
        + who
        + " opens the jar itself and must be able to read "
        + jar
        + " and enter every directory above it; copy the jar to a place it can read, e.g. /tmp)";
  }

  /**
   * The psinfo MBean names the agent says it registered in the attached JVM (its system property,
   * read through the Attach API); empty when it has not registered.
   */
  private static List<String> registeredNames(VirtualMachine vm, long pid) throws CliException {
    String names = systemProperty(vm, pid, AgentStatus.REGISTERED_PROPERTY);
    return names.isBlank() ? List.of() : List.of(names.trim().split(" +"));
  }

  /** The attached JVM's system property {@code key}; {@code ""} when it is not set. */
  private static String systemProperty(VirtualMachine vm, long pid, String key)
      throws CliException {
    try {
      return vm.getSystemProperties().getProperty(key, "");
    } catch (IOException | RuntimeException e) {
      throw new CliException(
          "cannot read the system properties of pid " + pid + ": " + RemoteSource.rootMessage(e),
          e);
    }
  }
}
