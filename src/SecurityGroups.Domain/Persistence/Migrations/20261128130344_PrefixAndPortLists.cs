using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PrefixAndPortLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PortRangeLists",
                columns: table => new
                {
                    PortRangeListId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MaxEntries = table.Column<int>(type: "INTEGER", nullable: false),
                    PortRangeListName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortRangeLists", x => x.PortRangeListId);
                });

            migrationBuilder.CreateTable(
                name: "PrefixLists",
                columns: table => new
                {
                    PrefixListId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddressFamily = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MaxEntries = table.Column<int>(type: "INTEGER", nullable: false),
                    PrefixListName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrefixLists", x => x.PrefixListId);
                });

            migrationBuilder.CreateTable(
                name: "PortRangeListEntries",
                columns: table => new
                {
                    PortRangeListId = table.Column<string>(type: "TEXT", nullable: false),
                    PortRange = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortRangeListEntries", x => new { x.PortRangeListId, x.PortRange });
                    table.ForeignKey(
                        name: "FK_PortRangeListEntries_PortRangeLists_PortRangeListId",
                        column: x => x.PortRangeListId,
                        principalTable: "PortRangeLists",
                        principalColumn: "PortRangeListId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrefixListEntries",
                columns: table => new
                {
                    PrefixListId = table.Column<string>(type: "TEXT", nullable: false),
                    Cidr = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrefixListEntries", x => new { x.PrefixListId, x.Cidr });
                    table.ForeignKey(
                        name: "FK_PrefixListEntries_PrefixLists_PrefixListId",
                        column: x => x.PrefixListId,
                        principalTable: "PrefixLists",
                        principalColumn: "PrefixListId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PortRangeLists_AccountId_RegionId",
                table: "PortRangeLists",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PrefixLists_AccountId_RegionId",
                table: "PrefixLists",
                columns: new[] { "AccountId", "RegionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PortRangeListEntries");

            migrationBuilder.DropTable(
                name: "PrefixListEntries");

            migrationBuilder.DropTable(
                name: "PortRangeLists");

            migrationBuilder.DropTable(
                name: "PrefixLists");
        }
    }
}
