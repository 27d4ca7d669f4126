using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstancesAndNetworkInterfaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    VSwitchId = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HostName = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceType = table.Column<string>(type: "TEXT", nullable: false),
                    ImageId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    DeletionProtection = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    PrimaryNetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "NetworkInterfaces",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", nullable: false),
                    ZoneId = table.Column<string>(type: "TEXT", nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", nullable: false),
                    VSwitchId = table.Column<string>(type: "TEXT", nullable: false),
                    NetworkInterfaceName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    MacAddress = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfaces", x => x.NetworkInterfaceId);
                });

            migrationBuilder.CreateTable(
                name: "NetworkInterfaceGroups",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", nullable: false),
                    SecurityGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfaceGroups", x => new { x.NetworkInterfaceId, x.SecurityGroupId });
                    table.ForeignKey(
                        name: "FK_NetworkInterfaceGroups_NetworkInterfaces_NetworkInterfaceId",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "NetworkInterfaces",
                        principalColumn: "NetworkInterfaceId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkInterfaceGroups_SecurityGroups_SecurityGroupId",
                        column: x => x.SecurityGroupId,
                        principalTable: "SecurityGroups",
                        principalColumn: "SecurityGroupId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_AccountId_RegionId_InstanceId",
                table: "Instances",
                columns: new[] { "AccountId", "RegionId", "InstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_VSwitchId",
                table: "Instances",
                column: "VSwitchId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaceGroups_SecurityGroupId",
                table: "NetworkInterfaceGroups",
                column: "SecurityGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaces_AccountId_RegionId_NetworkInterfaceId",
                table: "NetworkInterfaces",
                columns: new[] { "AccountId", "RegionId", "NetworkInterfaceId" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaces_InstanceId",
                table: "NetworkInterfaces",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaces_VSwitchId",
                table: "NetworkInterfaces",
                column: "VSwitchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "NetworkInterfaceGroups");

            migrationBuilder.DropTable(
                name: "NetworkInterfaces");
        }
    }
}
