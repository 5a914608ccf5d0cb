package dev.psinfo.host;

import dev.psinfo.config.AgentOptions;
import dev.psinfo.probe.CapturePlan;
import dev.psinfo.probe.Platform;
import dev.psinfo.probe.ProcessProbe;
import dev.psinfo.probe.SystemProbe;
import dev.psinfo.sampling.ProcessSampler;
import java.util.List;

/** Hosts over fake probes, for tests of the views. */
public final class TestHosts {
  private TestHosts() {}

  /** A platform of the two probes (its capture plan copies {@code stat}). */
  public static Platform platform(ProcessProbe processes, SystemProbe system) {
    return new Platform(
        processes, system, new CapturePlan(List.of("stat"), List.of(), List.of(), "test")) {};
  }

  /** The agent's host over {@code sampler}, which reads {@code processes}; default options. */
  public static Host of(ProcessProbe processes, SystemProbe system, ProcessSampler sampler) {
    return Host.of(platform(processes, system), AgentOptions.defaults(), sampler);
  }
}
