package ai.seed.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The Flyway migrations of this module ({@code db/migration/V<n>__<verb>_<object>.sql}) and the
 * schema state derived from the database itself, so that every node reports the truth.
 */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies pending migrations; Flyway's own lock makes concurrent nodes wait for each other. */
    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    /** Where the schema stands against the migrations this build ships. */
    public static SchemaState state(DataSource dataSource) {
        MigrationInfoService info = flyway(dataSource).info();
        MigrationInfo current = info.current();
        String version = current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
        return new SchemaState(version, info.pending().length, info.applied().length,
                java.util.Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count());
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .validateMigrationNaming(true)
                .load();
    }
}
