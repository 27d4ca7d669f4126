using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StateSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StateSnapshots",
                columns: table => new
                {
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GroupCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RuleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateSnapshots", x => x.SnapshotId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StateSnapshots_AccountId_SnapshotId",
                table: "StateSnapshots",
                columns: new[] { "AccountId", "SnapshotId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StateSnapshots");
        }
    }
}
