using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InstanceNetworkingIpv6AndEniPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Ipv6CidrBlock",
                table: "Vpcs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Ipv6CidrBlock",
                table: "VSwitches",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InternetChargeType",
                table: "Instances",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthIn",
                table: "Instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthOut",
                table: "Instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeyPairName",
                table: "Instances",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PublicIpAddress",
                table: "Instances",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StoppedMode",
                table: "Instances",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "NetworkInterfaceIpv6Addresses",
                columns: table => new
                {
                    VSwitchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfaceIpv6Addresses", x => new { x.VSwitchId, x.Address });
                    table.ForeignKey(
                        name: "FK_NetworkInterfaceIpv6Addresses_NetworkInterfaces_NetworkInte~",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "NetworkInterfaces",
                        principalColumn: "NetworkInterfaceId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkInterfacePermissions",
                columns: table => new
                {
                    NetworkInterfacePermissionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GrantedAccountId = table.Column<long>(type: "bigint", nullable: false),
                    Permission = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PermissionState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfacePermissions", x => x.NetworkInterfacePermissionId);
                    table.ForeignKey(
                        name: "FK_NetworkInterfacePermissions_NetworkInterfaces_NetworkInterf~",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "NetworkInterfaces",
                        principalColumn: "NetworkInterfaceId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaceIpv6Addresses_NetworkInterfaceId",
                table: "NetworkInterfaceIpv6Addresses",
                column: "NetworkInterfaceId");

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
                name: "NetworkInterfaceIpv6Addresses");

            migrationBuilder.DropTable(
                name: "NetworkInterfacePermissions");

            migrationBuilder.DropColumn(
                name: "Ipv6CidrBlock",
                table: "Vpcs");

            migrationBuilder.DropColumn(
                name: "Ipv6CidrBlock",
                table: "VSwitches");

            migrationBuilder.DropColumn(
                name: "InternetChargeType",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InternetMaxBandwidthIn",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InternetMaxBandwidthOut",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "KeyPairName",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "PublicIpAddress",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "StoppedMode",
                table: "Instances");
        }
    }
}
