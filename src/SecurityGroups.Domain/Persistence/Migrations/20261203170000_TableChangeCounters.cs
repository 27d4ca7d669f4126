using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <summary>
    /// Per-table change counters (ADR-012): the "TableVersions" table, one row per tracked table, and on each tracked table
    /// triggers that bump its row for every row inserted, updated or deleted, in the writing transaction. Outside the EF
    /// model (no entity, nothing in the model snapshot): plain SQL. The table list is this migration's own, not read from
    /// code, so that the migration stays what it was when applied; a table added later needs a migration of its own.
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

        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "TableVersions" ("Name" TEXT NOT NULL PRIMARY KEY, "Version" INTEGER NOT NULL);""");
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""INSERT INTO "TableVersions" ("Name", "Version") VALUES ('{table}', 0);""");
                foreach (var e in Events)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "TableVersions_{table}_{e}" AFTER {e} ON "{table}"
                        BEGIN UPDATE "TableVersions" SET "Version" = "Version" + 1 WHERE "Name" = '{table}'; END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var e in Events)
                {
                    migrationBuilder.Sql($"""DROP TRIGGER "TableVersions_{table}_{e}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE "TableVersions";""");
        }
    }
}
