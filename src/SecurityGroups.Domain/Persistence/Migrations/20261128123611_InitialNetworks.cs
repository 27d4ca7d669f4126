using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.AccountId, x.Action, x.ClientToken });
                });

            migrationBuilder.CreateTable(
                name: "ResourceTags",
                columns: table => new
                {
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TagKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    TagValue = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceTags", x => new { x.ResourceId, x.TagKey });
                });

            migrationBuilder.CreateTable(
                name: "Vpcs",
                columns: table => new
                {
                    VpcId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CidrBlock = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VpcName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VRouterId = table.Column<string>(type: "TEXT", nullable: false),
                    RouteTableId = table.Column<string>(type: "TEXT", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vpcs", x => x.VpcId);
                });

            migrationBuilder.CreateTable(
                name: "VSwitches",
                columns: table => new
                {
                    VSwitchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CidrBlock = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VSwitchName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VSwitches", x => x.VSwitchId);
                    table.ForeignKey(
                        name: "FK_VSwitches_Vpcs_VpcId",
                        column: x => x.VpcId,
                        principalTable: "Vpcs",
                        principalColumn: "VpcId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrivateIpAddresses",
                columns: table => new
                {
                    VSwitchId = table.Column<string>(type: "TEXT", nullable: false),
                    AddressValue = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivateIpAddresses", x => new { x.VSwitchId, x.AddressValue });
                    table.ForeignKey(
                        name: "FK_PrivateIpAddresses_VSwitches_VSwitchId",
                        column: x => x.VSwitchId,
                        principalTable: "VSwitches",
                        principalColumn: "VSwitchId",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PrivateIpAddresses_OwnerId",
                table: "PrivateIpAddresses",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceTags_AccountId_RegionId_ResourceType_TagKey",
                table: "ResourceTags",
                columns: new[] { "AccountId", "RegionId", "ResourceType", "TagKey" });

            migrationBuilder.CreateIndex(
                name: "IX_VSwitches_AccountId_RegionId_CreatedAt",
                table: "VSwitches",
                columns: new[] { "AccountId", "RegionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VSwitches_VpcId",
                table: "VSwitches",
                column: "VpcId");

            migrationBuilder.CreateIndex(
                name: "IX_Vpcs_AccountId_RegionId_CreatedAt",
                table: "Vpcs",
                columns: new[] { "AccountId", "RegionId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "PrivateIpAddresses");

            migrationBuilder.DropTable(
                name: "ResourceTags");

            migrationBuilder.DropTable(
                name: "VSwitches");

            migrationBuilder.DropTable(
                name: "Vpcs");
        }
    }
}
