package dev.psinfo.agent;

public final class Agent {
  private Agent() {}
}
