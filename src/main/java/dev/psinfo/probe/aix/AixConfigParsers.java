package dev.psinfo.probe.aix;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the output of the AIX commands behind {@link AixSystemProbe} that describe the
 * machine and the partition (read once), one method per command. Each takes the command's standard
 * output (run with {@code LC_ALL=C}) and returns a record; none does I/O, keeps state, or throws on
 * odd input: a value it cannot find or read is {@code -1} ({@code -1.0}) or {@code ""}. Formats and
 * samples are cited in {@code testdata/aix/commands/SOURCES.md}.
 */
public final class AixConfigParsers {
  private AixConfigParsers() {}

  // ---------------------------------------------------------------- prtconf

  /**
   * What {@code prtconf} reports about the machine.
   *
   * @param systemModel {@code System Model}
   * @param serialNumber {@code Machine Serial Number}; {@code ""} when "Not Available"
   * @param processorType {@code Processor Type}, e.g. {@code PowerPC_POWER8}
   * @param processorMode {@code Processor Implementation Mode}, e.g. {@code POWER 8}
   * @param processors {@code Number Of Processors} (virtual processors of the partition)
   * @param clockMhz {@code Processor Clock Speed} in MHz
   * @param kernelType {@code Kernel Type}, e.g. {@code 64-bit}
   * @param lparNumber the number in {@code LPAR Info}; -1 on a machine that is not partitioned
   *     ({@code LPAR Info: -1 NULL})
   * @param lparName the name in {@code LPAR Info}; {@code ""} on a machine that is not partitioned
   * @param memoryBytes {@code Good Memory Size}, else {@code Memory Size}, in bytes
   * @param hostName {@code Host Name} of the network section
   * @param pagingSpaceBytes {@code Total Paging Space} in bytes
   */
  public record Prtconf(
      String systemModel,
      String serialNumber,
      String processorType,
      String processorMode,
      int processors,
      long clockMhz,
      String kernelType,
      int lparNumber,
      String lparName,
      long memoryBytes,
      String hostName,
      long pagingSpaceBytes) {
    public Prtconf {
      requireNonNull(systemModel, "systemModel is null");
      requireNonNull(serialNumber, "serialNumber is null");
      requireNonNull(processorType, "processorType is null");
      requireNonNull(processorMode, "processorMode is null");
      requireNonNull(kernelType, "kernelType is null");
      requireNonNull(lparName, "lparName is null");
      requireNonNull(hostName, "hostName is null");
    }
  }

  /** Parses {@code prtconf} (or {@code prtconf -c -k -m -s -L}, which print the same lines). */
  public static Prtconf parsePrtconf(String text) {
    Map<String, String> kv = AixText.colonValues(text, ":");
    String[] lpar = AixText.fields(kv.getOrDefault("LPAR Info", ""), 2);
    // a machine that is not partitioned says "-1 NULL": no LPAR number, no name
    boolean partitioned =
        lpar.length == 2 && AixText.parseLong(lpar[0]) >= 0 && !lpar[1].trim().equals("NULL");
    long good = AixText.sizeBytes(kv.getOrDefault("Good Memory Size", ""));
    return new Prtconf(
        AixText.available(kv.get("System Model")),
        AixText.available(kv.get("Machine Serial Number")),
        AixText.available(kv.get("Processor Type")),
        AixText.available(kv.get("Processor Implementation Mode")),
        (int) AixText.parseLong(kv.getOrDefault("Number Of Processors", "")),
        AixText.mhz(kv.getOrDefault("Processor Clock Speed", "")),
        AixText.available(kv.get("Kernel Type")),
        partitioned ? (int) AixText.parseLong(lpar[0]) : -1,
        partitioned ? AixText.available(lpar[1].trim()) : "",
        good > 0 ? good : AixText.sizeBytes(kv.getOrDefault("Memory Size", "")),
        AixText.available(kv.get("Host Name")),
        AixText.sizeBytes(kv.getOrDefault("Total Paging Space", "")));
  }

  // ---------------------------------------------------------------- lparstat -i

  /**
   * What {@code lparstat -i} reports about the partition.
   *
   * @param fields every {@code Name : value} line as it is ({@code -} kept)
   * @param nodeName {@code Node Name}
   * @param partitionName {@code Partition Name}
   * @param partitionNumber {@code Partition Number}
   * @param type {@code Type}, e.g. {@code Shared-SMT-4}, {@code Dedicated}
   * @param mode {@code Mode}: {@code Capped}, {@code Uncapped}, {@code Donating}
   * @param entitledCapacity {@code Entitled Capacity} in processor units
   * @param onlineVirtualCpus {@code Online Virtual CPUs}
   * @param onlineMemoryBytes {@code Online Memory} in bytes
   * @param memoryMode {@code Memory Mode}, e.g. {@code Dedicated-Expanded}
   */
  public record LparstatInfo(
      Map<String, String> fields,
      String nodeName,
      String partitionName,
      int partitionNumber,
      String type,
      String mode,
      double entitledCapacity,
      int onlineVirtualCpus,
      long onlineMemoryBytes,
      String memoryMode) {
    public LparstatInfo {
      fields = Map.copyOf(requireNonNull(fields, "fields is null"));
      requireNonNull(nodeName, "nodeName is null");
      requireNonNull(partitionName, "partitionName is null");
      requireNonNull(type, "type is null");
      requireNonNull(mode, "mode is null");
      requireNonNull(memoryMode, "memoryMode is null");
    }

    private static final Pattern SMT = Pattern.compile("-SMT(?:-(\\d+))?$");

    /** {@code Shared} or {@code Dedicated}: {@link #type} without its SMT suffix. */
    public String sharing() {
      int smt = type.indexOf("-SMT");
      return smt < 0 ? type : type.substring(0, smt);
    }

    /** Hardware threads per virtual processor from {@link #type}: 1 without SMT, -1 unknown. */
    public int smtThreads() {
      if (type.isEmpty()) {
        return -1;
      }
      Matcher m = SMT.matcher(type);
      if (!m.find()) {
        return 1;
      }
      // plain "-SMT" is the POWER5/6 two-thread SMT
      return m.group(1) == null ? 2 : Integer.parseInt(m.group(1));
    }
  }

  /** Parses {@code lparstat -i}. */
  public static LparstatInfo parseLparstatI(String text) {
    Map<String, String> kv = AixText.colonValues(text, ":");
    return new LparstatInfo(
        kv,
        AixText.dash(kv.get("Node Name")),
        AixText.dash(kv.get("Partition Name")),
        (int) AixText.parseLong(kv.getOrDefault("Partition Number", "")),
        AixText.dash(kv.get("Type")),
        AixText.dash(kv.get("Mode")),
        AixText.parseDouble(kv.getOrDefault("Entitled Capacity", "")),
        (int) AixText.parseLong(kv.getOrDefault("Online Virtual CPUs", "")),
        AixText.sizeBytes(kv.getOrDefault("Online Memory", "")),
        AixText.dash(kv.get("Memory Mode")));
  }

  // ---------------------------------------------------------------- oslevel -s, uname -L

  private static final Pattern OSLEVEL = Pattern.compile("^(\\d{4})-\\d{2}(-\\d{2}-\\d{4})?$");

  /** {@code oslevel -s}: e.g. {@code 7200-04-02-2027}; {@code ""} when the output is not one. */
  public static String parseOslevel(String text) {
    String first = AixText.firstLine(text);
    return OSLEVEL.matcher(first).matches() ? first : "";
  }

  /** The AIX version an oslevel names: {@code 7200-04-02-2027} gives {@code 7.2}; or {@code ""}. */
  public static String versionOfOslevel(String oslevel) {
    Matcher m = OSLEVEL.matcher(oslevel);
    if (!m.matches()) {
      return "";
    }
    String v = m.group(1);
    return v.charAt(0) + "." + v.charAt(1);
  }

  /**
   * {@code uname -L}: the partition's number and name.
   *
   * @param number the LPAR number; -1 when not a partition ({@code -1 NULL}) or unreadable
   * @param name the LPAR name; {@code ""} likewise
   */
  public record UnameL(int number, String name) {
    public UnameL {
      requireNonNull(name, "name is null");
    }
  }

  /** Parses {@code uname -L}: {@code 29 l273pp027}. */
  public static UnameL parseUnameL(String text) {
    String[] parts = AixText.fields(AixText.firstLine(text), 2);
    long number = parts.length == 2 ? AixText.parseLong(parts[0]) : -1;
    if (number < 0 || parts[1].equals("NULL")) {
      return new UnameL(-1, "");
    }
    return new UnameL((int) number, parts[1].trim());
  }

  // ---------------------------------------------------------------- lsattr -El, bindprocessor -q

  /**
   * {@code lsattr -El DEVICE}: {@code attribute value description user-settable} rows.
   *
   * @return attribute name to value
   */
  public static Map<String, String> parseLsattr(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      String[] tokens = AixText.fields(line);
      if (tokens.length >= 2 && !tokens[0].isEmpty()) {
        values.putIfAbsent(tokens[0], tokens[1]);
      }
    }
    return Map.copyOf(values);
  }

  /** {@code bindprocessor -q}: the number of logical processors listed; -1 when none. */
  public static int parseBindprocessorQ(String text) {
    int colon = text.indexOf("processors are:");
    if (colon < 0) {
      return -1;
    }
    List<String> ids = new ArrayList<>();
    for (String token : AixText.fields(AixText.firstLine(text.substring(colon + 15)))) {
      if (!token.isEmpty() && AixText.parseLong(token) >= 0) {
        ids.add(token);
      }
    }
    return ids.isEmpty() ? -1 : ids.size();
  }
}
