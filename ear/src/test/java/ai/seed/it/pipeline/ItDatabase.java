package ai.seed.it.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the database the way an auditor would: with platform access, bypassing no check but row-level security. */
public final class ItDatabase {

    private ItDatabase() {
    }

    /**
     * The first column of every row of {@code sql} (with {@code ?} parameters), as text, read with
     * {@code seed.platform_access = 'on'} for this transaction only (rolled back afterwards).
     */
    public static List<String> platformRows(DataSource dataSource, String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement on = c.prepareStatement("SELECT set_config('seed.platform_access', 'on', true)");
                 PreparedStatement ps = c.prepareStatement(sql)) {
                on.execute();
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return rows;
    }

    /** A {@code count(*)} (or any single number) read with platform access. */
    public static long platformCount(DataSource dataSource, String sql, Object... params) throws SQLException {
        return Long.parseLong(platformRows(dataSource, sql, params).get(0));
    }
}
