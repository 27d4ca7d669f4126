using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecurityGroupsAndRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ResultJson",
                table: "IdempotencyRecords",
                newName: "ResponseJson");

            migrationBuilder.AddColumn<string>(
                name: "ResourceId",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SecurityGroups",
                columns: table => new
                {
                    SecurityGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VpcId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecurityGroupName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SecurityGroupType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InnerAccessPolicy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceManaged = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletionProtection = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityGroups", x => x.SecurityGroupId);
                });

            migrationBuilder.CreateTable(
                name: "SecurityGroupRules",
                columns: table => new
                {
                    SecurityGroupRuleId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecurityGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    IpProtocol = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PortRange = table.Column<string>(type: "TEXT", nullable: false),
                    PortRangeListId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePortRange = table.Column<string>(type: "TEXT", nullable: false),
                    SourceCidrIp = table.Column<string>(type: "TEXT", nullable: false),
                    Ipv6SourceCidrIp = table.Column<string>(type: "TEXT", nullable: false),
                    DestCidrIp = table.Column<string>(type: "TEXT", nullable: false),
                    Ipv6DestCidrIp = table.Column<string>(type: "TEXT", nullable: false),
                    SourceGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    SourceGroupOwnerAccount = table.Column<string>(type: "TEXT", nullable: false),
                    SourceGroupOwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    DestGroupId = table.Column<string>(type: "TEXT", nullable: false),
                    DestGroupOwnerAccount = table.Column<string>(type: "TEXT", nullable: false),
                    DestGroupOwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcePrefixListId = table.Column<string>(type: "TEXT", nullable: false),
                    DestPrefixListId = table.Column<string>(type: "TEXT", nullable: false),
                    NicType = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityGroupRules", x => x.SecurityGroupRuleId);
                    table.ForeignKey(
                        name: "FK_SecurityGroupRules_SecurityGroups_SecurityGroupId",
                        column: x => x.SecurityGroupId,
                        principalTable: "SecurityGroups",
                        principalColumn: "SecurityGroupId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IdempotencyRecords_ResourceId",
                table: "IdempotencyRecords",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_DestGroupId",
                table: "SecurityGroupRules",
                column: "DestGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_DestPrefixListId",
                table: "SecurityGroupRules",
                column: "DestPrefixListId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_PortRangeListId",
                table: "SecurityGroupRules",
                column: "PortRangeListId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_SecurityGroupId_Direction",
                table: "SecurityGroupRules",
                columns: new[] { "SecurityGroupId", "Direction" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_SourceGroupId",
                table: "SecurityGroupRules",
                column: "SourceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroupRules_SourcePrefixListId",
                table: "SecurityGroupRules",
                column: "SourcePrefixListId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroups_AccountId_RegionId_SecurityGroupId",
                table: "SecurityGroups",
                columns: new[] { "AccountId", "RegionId", "SecurityGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityGroups_VpcId",
                table: "SecurityGroups",
                column: "VpcId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecurityGroupRules");

            migrationBuilder.DropTable(
                name: "SecurityGroups");

            migrationBuilder.DropIndex(
                name: "IX_IdempotencyRecords_ResourceId",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "ResourceId",
                table: "IdempotencyRecords");

            migrationBuilder.RenameColumn(
                name: "ResponseJson",
                table: "IdempotencyRecords",
                newName: "ResultJson");
        }
    }
}
