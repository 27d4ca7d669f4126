using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NetworkInterfacePermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkInterfacePermissions",
                columns: table => new
                {
                    NetworkInterfacePermissionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GrantedAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Permission = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PermissionState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfacePermissions", x => x.NetworkInterfacePermissionId);
                    table.ForeignKey(
                        name: "FK_NetworkInterfacePermissions_NetworkInterfaces_NetworkInterfaceId",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "NetworkInterfaces",
                        principalColumn: "NetworkInterfaceId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfacePermissions_AccountId_RegionId_CreatedAt",
                table: "NetworkInterfacePermissions",
                columns: new[] { "AccountId", "RegionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfacePermissions_NetworkInterfaceId",
                table: "NetworkInterfacePermissions",
                column: "NetworkInterfaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkInterfacePermissions");
        }
    }
}
