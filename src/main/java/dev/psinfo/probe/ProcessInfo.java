package dev.psinfo.probe;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One process as a platform probe read it. Immutable. A field the platform does not have, or the
 * agent could not read, holds its "not available" value: {@code -1} for the numbers that are never
 * negative, {@link #UNAVAILABLE_SIGNED} for {@code nice} and {@code priority} (where -1 is a real
 * value), {@code ""} for Strings, never null.
 *
 * <p>Each component is declared by the {@link ProcessField} constant of the same name, which says
 * what it means, its unit and its "not available" value ({@link ProcessField#description}); this
 * record is the typed storage behind those constants: the constant's accessor ({@code
 * ProcessInfo::rssBytes}) does not compile without the component, and a component without a
 * constant stops {@link ProcessField} from initializing (its types name no canonical constructor).
 * The {@link Builder} and every view follow from the constant. Adding a field: its constant in
 * {@link ProcessField}, its component here (same place in the list), the probe that reads it.
 */
public record ProcessInfo(
    long pid,
    long ppid,
    long pgid,
    long sid,
    long uid,
    long euid,
    long gid,
    long egid,
    String user,
    String name,
    String args,
    boolean argsTruncated,
    ProcessState state,
    String stateCode,
    int threads,
    int priority,
    int nice,
    long rssBytes,
    long vszBytes,
    long cpuTimeMillis,
    long userTimeMillis,
    long systemTimeMillis,
    long startTimeMillis,
    long voluntaryCtxSwitches,
    long involuntaryCtxSwitches,
    long openFds,
    long readBytes,
    long writeBytes,
    int wparId,
    String wpar,
    String javaMain,
    long fdLimit,
    long majorFaults) {

  /**
   * "Not available" for {@code nice} and {@code priority}, whose legal values include -1 and other
   * negative numbers: {@link Integer#MIN_VALUE}, outside every platform's range.
   */
  public static final int UNAVAILABLE_SIGNED = Integer.MIN_VALUE;

  public ProcessInfo {
    if (pid < 0) {
      throw new IllegalArgumentException("pid must be >= 0: " + pid);
    }
    requireNonNull(user, "user is null");
    requireNonNull(name, "name is null");
    requireNonNull(args, "args is null");
    requireNonNull(state, "state is null");
    requireNonNull(stateCode, "stateCode is null");
    requireNonNull(wpar, "wpar is null");
    requireNonNull(javaMain, "javaMain is null");
    if (wparId < -1 || wparId > 0xffff) {
      throw new IllegalArgumentException("wparId must be -1..65535: " + wparId);
    }
    if (fdLimit < -1) {
      throw new IllegalArgumentException("fdLimit must be >= -1: " + fdLimit);
    }
    if (threads < -1) {
      throw new IllegalArgumentException("threads must be >= -1: " + threads);
    }
    if (rssBytes < -1 || vszBytes < -1) {
      throw new IllegalArgumentException(
          "sizes must be >= -1: rss " + rssBytes + ", vsz " + vszBytes);
    }
    if (cpuTimeMillis < -1 || userTimeMillis < -1 || systemTimeMillis < -1) {
      throw new IllegalArgumentException(
          "CPU times must be >= -1: "
              + cpuTimeMillis
              + "/"
              + userTimeMillis
              + "/"
              + systemTimeMillis);
    }
  }

  /**
   * Returns a copy with {@code args} replaced; for scrubbing secrets (only for the rows whose
   * arguments held one, so the copy through {@link ProcessField} costs nothing per scan).
   */
  public ProcessInfo withArgs(String newArgs) {
    ProcessField[] fields = ProcessField.values();
    Object[] values = new Object[fields.length];
    for (ProcessField f : fields) {
      values[f.ordinal()] = f == ProcessField.ARGS ? newArgs : f.get(this);
    }
    return ProcessField.newProcessInfo(values);
  }

  /**
   * A builder whose every field but {@code pid} starts as "not available" ({@link
   * ProcessField#notAvailable}).
   */
  public static Builder builder(long pid) {
    return new Builder(pid);
  }

  /**
   * Mutable builder for {@link ProcessInfo}, derived from {@link ProcessField}: one generic setter
   * per Java type, and no line per field, so that a field added to {@link ProcessField} needs none
   * here. The values are kept in one array per type ({@code long[]}, {@code int[]}, {@code
   * boolean[]}, and {@code Object[]} for the Strings and the state), each field at its slot among
   * the fields of its type; {@link #reset} copies the "not available" template made from {@link
   * ProcessField#notAvailable}; {@link #build} calls the record's canonical constructor through one
   * method handle, assembled once, that spreads the four arrays into its parameters: no boxing, and
   * after JIT compilation the plain constructor call it replaces. Not thread-safe; one builder
   * serves a whole scan.
   */
  public static final class Builder {
    private static final ProcessField[] FIELDS = ProcessField.values();

    /** The arrays, by the index {@link #array} gives a field's type. */
    private static final int LONGS = 0;

    private static final int INTS = 1;
    private static final int BOOLEANS = 2;
    private static final int OBJECTS = 3;

    /** Each field's index in its type's array, by ordinal. */
    private static final int[] SLOT = new int[FIELDS.length];

    /** How many fields each array holds. */
    private static final int[] COUNT = new int[4];

    private static final long[] NOT_AVAILABLE_LONGS;
    private static final int[] NOT_AVAILABLE_INTS;
    private static final boolean[] NOT_AVAILABLE_BOOLEANS;
    private static final Object[] NOT_AVAILABLE_OBJECTS;

    /** {@code (long[], int[], boolean[], Object[]) -> ProcessInfo}, the canonical constructor. */
    private static final MethodHandle FROM_ARRAYS;

    static {
      for (ProcessField f : FIELDS) {
        SLOT[f.ordinal()] = COUNT[array(f)]++;
      }
      NOT_AVAILABLE_LONGS = new long[COUNT[LONGS]];
      NOT_AVAILABLE_INTS = new int[COUNT[INTS]];
      NOT_AVAILABLE_BOOLEANS = new boolean[COUNT[BOOLEANS]];
      NOT_AVAILABLE_OBJECTS = new Object[COUNT[OBJECTS]];
      for (ProcessField f : FIELDS) {
        int slot = SLOT[f.ordinal()];
        Object v = f.notAvailable();
        switch (array(f)) {
          case LONGS -> NOT_AVAILABLE_LONGS[slot] = (Long) v;
          case INTS -> NOT_AVAILABLE_INTS[slot] = (Integer) v;
          case BOOLEANS -> NOT_AVAILABLE_BOOLEANS[slot] = (Boolean) v;
          default -> NOT_AVAILABLE_OBJECTS[slot] = v;
        }
      }
      FROM_ARRAYS = fromArrays();
    }

    private final long[] longs = new long[COUNT[LONGS]];
    private final int[] ints = new int[COUNT[INTS]];
    private final boolean[] booleans = new boolean[COUNT[BOOLEANS]];
    private final Object[] objects = new Object[COUNT[OBJECTS]];

    private Builder(long pid) {
      reset(pid);
    }

    /**
     * Starts over for another process: every field "not available" again, {@code pid} set, so that
     * one builder serves a whole scan.
     */
    public Builder reset(long pid) {
      System.arraycopy(NOT_AVAILABLE_LONGS, 0, longs, 0, longs.length);
      System.arraycopy(NOT_AVAILABLE_INTS, 0, ints, 0, ints.length);
      System.arraycopy(NOT_AVAILABLE_BOOLEANS, 0, booleans, 0, booleans.length);
      System.arraycopy(NOT_AVAILABLE_OBJECTS, 0, objects, 0, objects.length);
      longs[SLOT[ProcessField.PID.ordinal()]] = pid;
      return this;
    }

    /**
     * Sets a {@code long} field.
     *
     * @throws IllegalArgumentException when {@code f} is not a {@code long} field
     */
    public Builder set(ProcessField f, long v) {
      if (f.type() != long.class) {
        throw wrongType(f, "long");
      }
      longs[SLOT[f.ordinal()]] = v;
      return this;
    }

    /**
     * Sets an {@code int} field, or a {@code long} one (widened, as Java assigns an {@code int} to
     * a {@code long}: so that {@code set(RSS_BYTES, 4096)} means what it says).
     *
     * @throws IllegalArgumentException when {@code f} is neither an {@code int} nor a {@code long}
     *     field
     */
    public Builder set(ProcessField f, int v) {
      if (f.type() == int.class) {
        ints[SLOT[f.ordinal()]] = v;
      } else if (f.type() == long.class) {
        longs[SLOT[f.ordinal()]] = v;
      } else {
        throw wrongType(f, "int");
      }
      return this;
    }

    /**
     * Sets a {@code boolean} field.
     *
     * @throws IllegalArgumentException when {@code f} is not a {@code boolean} field
     */
    public Builder set(ProcessField f, boolean v) {
      if (f.type() != boolean.class) {
        throw wrongType(f, "boolean");
      }
      booleans[SLOT[f.ordinal()]] = v;
      return this;
    }

    /**
     * Sets a {@code String} field; {@link #build} rejects a null one.
     *
     * @throws IllegalArgumentException when {@code f} is not a {@code String} field
     */
    public Builder set(ProcessField f, String v) {
      if (f.type() != String.class) {
        throw wrongType(f, "String");
      }
      objects[SLOT[f.ordinal()]] = v;
      return this;
    }

    /**
     * Sets the {@link ProcessState} field; {@link #build} rejects a null one.
     *
     * @throws IllegalArgumentException when {@code f} is not a {@link ProcessState} field
     */
    public Builder set(ProcessField f, ProcessState v) {
      if (f.type() != ProcessState.class) {
        throw wrongType(f, "ProcessState");
      }
      objects[SLOT[f.ordinal()]] = v;
      return this;
    }

    /**
     * The process, checked as the record checks it.
     *
     * @throws IllegalArgumentException or {@link NullPointerException} when the record rejects a
     *     value
     */
    public ProcessInfo build() {
      try {
        return (ProcessInfo) FROM_ARRAYS.invokeExact(longs, ints, booleans, objects);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e); // the constructor throws nothing checked
      }
    }

    private static IllegalArgumentException wrongType(ProcessField f, String given) {
      return new IllegalArgumentException(
          f.itemName() + " is a " + f.type().getSimpleName() + " field, not a " + given + " one");
    }

    /** Which array holds {@code f}'s value. */
    private static int array(ProcessField f) {
      Class<?> t = f.type();
      return t == long.class
          ? LONGS
          : t == int.class ? INTS : t == boolean.class ? BOOLEANS : OBJECTS;
    }

    /**
     * The canonical constructor with its parameters grouped by array (the longs in slot order, then
     * the ints, the boolean, the objects: {@code permuteArguments}), each group spread from its
     * array ({@code asSpreader}, which casts an {@code Object} to the parameter's class). Four
     * spreaders cost 12-16 ms of CPU once per JVM, at the first build, where a filter per parameter
     * ({@code arrayElementGetter} + {@code filterArguments}, one bound handle each) cost about 30
     * (docs/PERFORMANCE.md, {@code ScanCpu first-build}).
     */
    private static MethodHandle fromArrays() {
      int n = FIELDS.length;
      int[] first = {
        0, COUNT[LONGS], COUNT[LONGS] + COUNT[INTS], COUNT[LONGS] + COUNT[INTS] + COUNT[BOOLEANS]
      };
      Class<?>[] grouped = new Class<?>[n];
      int[] positionInGrouped = new int[n];
      for (ProcessField f : FIELDS) {
        int i = f.ordinal();
        int position = first[array(f)] + SLOT[i];
        grouped[position] = f.type();
        positionInGrouped[i] = position;
      }
      return MethodHandles.permuteArguments(
              ProcessField.canonical(),
              MethodType.methodType(ProcessInfo.class, grouped),
              positionInGrouped)
          .asSpreader(0, long[].class, COUNT[LONGS])
          .asSpreader(1, int[].class, COUNT[INTS])
          .asSpreader(2, boolean[].class, COUNT[BOOLEANS])
          .asSpreader(3, Object[].class, COUNT[OBJECTS]);
    }
  }
}
