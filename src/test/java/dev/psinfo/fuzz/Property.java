package dev.psinfo.fuzz;

import java.util.SplittableRandom;

/**
 * A small seeded property-testing helper (no framework): runs a check on {@code cases} inputs drawn
 * from a {@link SplittableRandom}, each case with its own seed split from the run's seed, and on
 * the first failure throws an {@link AssertionError} that names the case's seed, so that {@code
 * -Dpsinfo.fuzz.seed=<seed> -Dpsinfo.fuzz.cases=1} replays exactly that input.
 *
 * <p>System properties: {@code psinfo.fuzz.cases} (cases per property; default {@value
 * #DEFAULT_CASES}, the fast subset of {@code mvn verify}), {@code psinfo.fuzz.seed} (the run's
 * seed; default a fixed one, so a plain build is reproducible; {@code random} for a fresh seed).
 */
public final class Property {
  /** Cases per property in an ordinary build: a few thousand, seconds in all. */
  public static final int DEFAULT_CASES = 3_000;

  private static final long DEFAULT_SEED = 0x5eed_1234_abcdL;

  /** One check of one generated input. */
  @FunctionalInterface
  public interface Check {
    void run(SplittableRandom random) throws Exception;
  }

  private Property() {}

  /** Cases per property for this run. */
  public static int cases() {
    return Integer.getInteger("psinfo.fuzz.cases", DEFAULT_CASES);
  }

  /** The run's seed. */
  public static long seed() {
    String s = System.getProperty("psinfo.fuzz.seed", "");
    if (s.isEmpty()) {
      return DEFAULT_SEED;
    }
    if (s.equals("random")) {
      return System.nanoTime() ^ Runtime.getRuntime().freeMemory();
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return Long.parseUnsignedLong(s.substring(2), 16);
    }
    return Long.parseLong(s);
  }

  /**
   * Runs {@code check} on {@link #cases()} inputs; case {@code i} uses {@code new
   * SplittableRandom(seed_i)} where {@code seed_i} is the i-th long of the run's generator (the
   * first case's seed is the run's seed itself, which is what makes a replay work).
   *
   * @return the number of cases run
   */
  public static int forAll(String name, Check check) {
    return forAll(name, check, cases());
  }

  /** As {@link #forAll(String, Check)} with this many cases (for slow checks: a fraction). */
  public static int forAll(String name, Check check, int cases) {
    long runSeed = seed();
    SplittableRandom seeds = new SplittableRandom(runSeed);
    for (int i = 0; i < cases; i++) {
      long caseSeed = i == 0 ? runSeed : seeds.nextLong();
      try {
        check.run(new SplittableRandom(caseSeed));
      } catch (Throwable t) {
        String replay =
            String.format("-Dpsinfo.fuzz.seed=0x%x -Dpsinfo.fuzz.cases=1", Long.valueOf(caseSeed));
        System.err.println("FUZZ FAILURE " + name + " case " + i + ": replay with " + replay);
        throw new AssertionError(
            name + ": case " + i + " of " + cases + " failed; replay with " + replay + ": " + t, t);
      }
    }
    return cases;
  }
}
