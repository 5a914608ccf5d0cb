package dev.psinfo.jmx;

import dev.psinfo.host.UsersTotals;
import dev.psinfo.sampling.ProcessTotals;
import dev.psinfo.sampling.Snapshot;
import java.util.Map;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularDataSupport;
import javax.management.openmbean.TabularType;

/**
 * The {@code Users} attribute of {@code psinfo:type=ProcessTable}: the host's {@link UsersTotals}
 * as open data, one row per effective user, indexed by {@code user}.
 */
final class UserTotals {
  static final CompositeType ROW_TYPE;
  static final TabularType TABLE_TYPE;
  private static final String[] ITEMS = {
    "user", "processCount", "threadCount", "rssBytes", "vszBytes", "cpuTimeMillis", "cpuPercent"
  };

  static {
    try {
      ROW_TYPE =
          new CompositeType(
              "psinfo.UserTotals",
              "What one effective user's shown processes add up to",
              ITEMS,
              new String[] {
                "Effective user's name (its uid when the name is unknown)",
                "Processes of the user",
                "Threads of the user's processes",
                "Resident set sizes added up, in bytes",
                "Virtual sizes added up, in bytes",
                "CPU time (user + system) of the user's live processes, in milliseconds",
                "Recent CPU use added up, percent of one CPU (100 = one full CPU)"
              },
              new OpenType<?>[] {
                SimpleType.STRING,
                SimpleType.INTEGER,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.LONG,
                SimpleType.DOUBLE
              });
      TABLE_TYPE =
          new TabularType(
              "psinfo.Users",
              "One row per effective user, indexed by user",
              ROW_TYPE,
              new String[] {"user"});
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private UserTotals() {}

  /** The table of {@code s}'s shown processes ({@link UsersTotals}), users in name order. */
  static TabularData of(Snapshot s) {
    Map<String, ProcessTotals> byUser = UsersTotals.of(s);
    TabularDataSupport table = new TabularDataSupport(TABLE_TYPE, byUser.size() * 4 / 3 + 1, 0.75f);
    for (Map.Entry<String, ProcessTotals> e : byUser.entrySet()) {
      ProcessTotals t = e.getValue();
      try {
        table.put(
            new CompositeDataSupport(
                ROW_TYPE,
                ITEMS,
                new Object[] {
                  e.getKey(),
                  t.processCount(),
                  t.threadCount(),
                  t.rssBytes(),
                  t.vszBytes(),
                  t.cpuTimeMillis(),
                  t.cpuPercent()
                }));
      } catch (OpenDataException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return table;
  }
}
