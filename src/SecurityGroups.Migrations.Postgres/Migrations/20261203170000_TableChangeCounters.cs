using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SecurityGroups.Domain.Persistence;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Per-table change counters (ADR-012): the "TableVersions" table, one row per tracked table, and on each tracked table
    /// statement-level triggers that bump its row once per statement that changed at least one row (the transition table
    /// tells; TRUNCATE always counts), in the writing transaction. Statement-level, not per row: a bulk delete (a state
    /// reset) updates the counter row once, not once per deleted row. Outside the EF model: plain SQL. The table list is
    /// this migration's own; a table added later needs a migration of its own.
    /// </summary>
    [DbContext(typeof(EmulatorDbContext))]
    [Migration("20261203170000_TableChangeCounters")]
    public partial class TableChangeCounters : Migration
    {
        private static readonly string[] Tables =
        [
            "SecurityGroups", "SecurityGroupRules", "Instances", "NetworkInterfaces", "NetworkInterfaceGroups", "PrivateIpAddresses",
            "NetworkInterfaceIpv6Addresses", "ResourceTags",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "TableVersions" ("Name" text PRIMARY KEY, "Version" bigint NOT NULL);
                CREATE FUNCTION "TableVersions_BumpChanged"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM changed) THEN
                        UPDATE "TableVersions" SET "Version" = "Version" + 1 WHERE "Name" = TG_TABLE_NAME;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE FUNCTION "TableVersions_Bump"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "TableVersions" SET "Version" = "Version" + 1 WHERE "Name" = TG_TABLE_NAME;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "TableVersions" ("Name", "Version") VALUES ('{table}', 0);
                    CREATE TRIGGER "TableVersions_{table}_INSERT" AFTER INSERT ON "{table}" REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION "TableVersions_BumpChanged"();
                    CREATE TRIGGER "TableVersions_{table}_UPDATE" AFTER UPDATE ON "{table}" REFERENCING NEW TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION "TableVersions_BumpChanged"();
                    CREATE TRIGGER "TableVersions_{table}_DELETE" AFTER DELETE ON "{table}" REFERENCING OLD TABLE AS changed
                        FOR EACH STATEMENT EXECUTE FUNCTION "TableVersions_BumpChanged"();
                    CREATE TRIGGER "TableVersions_{table}_TRUNCATE" AFTER TRUNCATE ON "{table}"
                        FOR EACH STATEMENT EXECUTE FUNCTION "TableVersions_Bump"();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var e in new[] { "INSERT", "UPDATE", "DELETE", "TRUNCATE" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "TableVersions_{table}_{e}" ON "{table}";""");
                }
            }

            migrationBuilder.Sql("""
                DROP FUNCTION "TableVersions_Bump"();
                DROP FUNCTION "TableVersions_BumpChanged"();
                DROP TABLE "TableVersions";
                """);
        }
    }
}
