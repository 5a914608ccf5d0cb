package dev.psinfo.probe;

/**
 * A process's scheduling state, normalized across platforms. The platform's own letter is kept
 * beside it as {@code stateCode}.
 */
public enum ProcessState {
  /** Running or runnable (AIX {@code R}, Linux {@code R}). */
  RUNNING,
  /** Waiting for an event, interruptible or not (AIX {@code S}, Linux {@code S} and {@code D}). */
  SLEEPING,
  /** Stopped by a signal or traced (AIX {@code T}, Linux {@code T} and {@code t}). */
  STOPPED,
  /** Exited, not yet reaped by its parent (AIX and Linux {@code Z}). */
  ZOMBIE,
  /** Idle or being created (AIX {@code I}, Linux {@code I} idle kernel thread). */
  IDLE,
  /** Swapped out (AIX {@code O}; not "on processor" as on Solaris). */
  SWAPPED,
  /** Any other state, such as Linux {@code X} (dead) or a letter this version does not know. */
  OTHER
}
