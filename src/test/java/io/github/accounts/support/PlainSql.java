package io.github.accounts.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/** Rows written as another program writes them: a plain SQL {@code INSERT} that names only some columns. */
public final class PlainSql {

    private PlainSql() {
    }

    /** {@code INSERT INTO accounts (column, ...) VALUES (value, ...)}. */
    public static void insert(DataSource dataSource, Map<String, ?> columns) throws SQLException {
        List<String> names = new ArrayList<>(columns.keySet());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO accounts (" + String.join(", ", names)
                        + ") VALUES (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")")) {
            for (int i = 0; i < names.size(); i++) {
                insert.setObject(i + 1, columns.get(names.get(i)));
            }
            insert.executeUpdate();
        }
    }
}
