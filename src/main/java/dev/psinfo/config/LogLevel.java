package dev.psinfo.config;

/** How much the agent prints on the host's standard error: the {@code log=} option. */
public enum LogLevel {
  /** Nothing, not even problems (a bad option is still reported: the agent is not running). */
  OFF,
  /** Problems only, one line each (the default: a healthy agent prints nothing). */
  WARN,
  /** Also what the agent did (registered, already registered). */
  INFO,
  /** Also details for a bug report. */
  DEBUG
}
