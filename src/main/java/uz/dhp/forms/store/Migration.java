package uz.dhp.forms.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One schema step: brings the database from {@code version - 1} to {@code version}. Applied by
 * {@link Migrator} in its own transaction together with the new {@code PRAGMA user_version}.
 */
record Migration(int version, String description, Step step) {

  @FunctionalInterface
  interface Step {
    void apply(Connection connection) throws SQLException;
  }

  Migration {
    if (version < 1) {
      throw new IllegalArgumentException("migration versions start at 1");
    }
  }

  /** A migration made of plain SQL statements, run in order. */
  static Migration ofSql(int version, String description, List<String> statements) {
    List<String> copy = List.copyOf(statements);
    return new Migration(
        version,
        description,
        c -> {
          try (Statement s = c.createStatement()) {
            for (String sql : copy) {
              s.execute(sql);
            }
          }
        });
  }
}
