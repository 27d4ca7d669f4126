using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceNetworkingAndIpv6 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Ipv6CidrBlock",
                table: "Vpcs",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Ipv6CidrBlock",
                table: "VSwitches",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "InternetChargeType",
                table: "Instances",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "PayByTraffic");

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthIn",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InternetMaxBandwidthOut",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "KeyPairName",
                table: "Instances",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PublicIpAddress",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "StoppedMode",
                table: "Instances",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "KeepCharging");

            migrationBuilder.CreateTable(
                name: "NetworkInterfaceIpv6Addresses",
                columns: table => new
                {
                    VSwitchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NetworkInterfaceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfaceIpv6Addresses", x => new { x.VSwitchId, x.Address });
                    table.ForeignKey(
                        name: "FK_NetworkInterfaceIpv6Addresses_NetworkInterfaces_NetworkInterfaceId",
                        column: x => x.NetworkInterfaceId,
                        principalTable: "NetworkInterfaces",
                        principalColumn: "NetworkInterfaceId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkInterfaceIpv6Addresses_NetworkInterfaceId",
                table: "NetworkInterfaceIpv6Addresses",
                column: "NetworkInterfaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkInterfaceIpv6Addresses");

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
