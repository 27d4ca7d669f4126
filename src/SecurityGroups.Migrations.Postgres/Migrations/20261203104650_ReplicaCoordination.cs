using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
{
    /// <summary>
    /// What replicas share besides the model's tables (ADR-008), outside the model because SQLite's single process keeps
    /// them in memory: the writers' row and write version, signature nonces until they expire, and flow-control counts per
    /// key and clock minute. Plain SQL.
    /// </summary>
    public partial class ReplicaCoordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "WriteVersion" ("Id" integer PRIMARY KEY, "Version" bigint NOT NULL);
                INSERT INTO "WriteVersion" ("Id", "Version") VALUES (1, 0);
                CREATE TABLE "SignatureNonces" ("Key" text PRIMARY KEY, "ExpiresAt" timestamp with time zone NOT NULL);
                CREATE INDEX "IX_SignatureNonces_ExpiresAt" ON "SignatureNonces" ("ExpiresAt");
                CREATE TABLE "ThrottleWindows" ("Key" text NOT NULL, "Minute" bigint NOT NULL, "Used" integer NOT NULL, PRIMARY KEY ("Key", "Minute"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "ThrottleWindows";
                DROP TABLE "SignatureNonces";
                DROP TABLE "WriteVersion";
                """);
        }
    }
}
