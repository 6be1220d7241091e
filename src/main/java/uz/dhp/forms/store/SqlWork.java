package uz.dhp.forms.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work run by {@link Database} while it holds the connection. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
