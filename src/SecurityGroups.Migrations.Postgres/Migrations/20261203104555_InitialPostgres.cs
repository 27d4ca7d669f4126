using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClientToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => new { x.AccountId, x.Action, x.ClientToken });
                });

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false),
                    ZoneId = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    VSwitchId = table.Column<string>(type: "text", nullable: false),
                    InstanceName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    HostName = table.Column<string>(type: "text", nullable: false),
                    InstanceType = table.Column<string>(type: "text", nullable: false),
                    ImageId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    DeletionProtection = table.Column<bool>(type: "boolean", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    PrimaryNetworkInterfaceId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InstanceChargeType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UserData = table.Column<string>(type: "text", nullable: false),
                    RamRoleName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SystemDiskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SystemDiskCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SystemDiskSize = table.Column<int>(type: "integer", nullable: false),
                    SystemDiskName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SystemDiskDescription = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SystemDiskPerformanceLevel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "NetworkInterfaces",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "text", nullable: false),
                    ZoneId = table.Column<string>(type: "text", nullable: false),
                    VpcId = table.Column<string>(type: "text", nullable: false),
                    VSwitchId = table.Column<string>(type: "text", nullable: false),
                    NetworkInterfaceName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    MacAddress = table.Column<string>(type: "text", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    DeviceIndex = table.Column<int>(type: "integer", nullable: false),
                    QueueNumber = table.Column<int>(type: "integer", nullable: false),
                    SourceDestCheck = table.Column<bool>(type: "boolean", nullable: false),
                    DeleteOnRelease = table.Column<bool>(type: "boolean", nullable: false),
                    NetworkInterfaceTrafficMode = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkInterfaces", x => x.NetworkInterfaceId);
                });

            migrationBuilder.CreateTable(
                name: "PortRangeLists",
                columns: table => new
                {
                    PortRangeListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MaxEntries = table.Column<int>(type: "integer", nullable: false),
                    PortRangeListName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortRangeLists", x => x.PortRangeListId);
                });

            migrationBuilder.CreateTable(
                name: "PrefixLists",
                columns: table => new
                {
                    PrefixListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddressFamily = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MaxEntries = table.Column<int>(type: "integer", nullable: false),
                    PrefixListName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrefixLists", x => x.PrefixListId);
                });

            migrationBuilder.CreateTable(
                name: "ResourceTags",
                columns: table => new
                {
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TagKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TagValue = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceTags", x => new { x.ResourceId, x.TagKey });
                });

            migrationBuilder.CreateTable(
                name: "SecurityGroups",
                columns: table => new
                {
                    SecurityGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VpcId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecurityGroupName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SecurityGroupType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InnerAccessPolicy = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceManaged = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceId = table.Column<long>(type: "bigint", nullable: false),
                    DeletionProtection = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityGroups", x => x.SecurityGroupId);
                });

            migrationBuilder.CreateTable(
                name: "Vpcs",
                columns: table => new
                {
                    VpcId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CidrBlock = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VpcName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    VRouterId = table.Column<string>(type: "text", nullable: false),
                    RouteTableId = table.Column<string>(type: "text", nullable: false),
                    RouteTableName = table.Column<string>(type: "text", nullable: false),
                    RouteTableDescription = table.Column<string>(type: "text", nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vpcs", x => x.VpcId);
                });

            migrationBuilder.CreateTable(
                name: "PortRangeListEntries",
                columns: table => new
                {
                    PortRangeListId = table.Column<string>(type: "character varying(64)", nullable: false),
                    PortRange = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
                    PrefixListId = table.Column<string>(type: "character varying(64)", nullable: false),
                    Cidr = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "NetworkInterfaceGroups",
                columns: table => new
                {
                    NetworkInterfaceId = table.Column<string>(type: "character varying(64)", nullable: false),
                    SecurityGroupId = table.Column<string>(type: "character varying(64)", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SecurityGroupRules",
                columns: table => new
                {
                    SecurityGroupRuleId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SecurityGroupId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Policy = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    IpProtocol = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PortRange = table.Column<string>(type: "text", nullable: false),
                    PortRangeListId = table.Column<string>(type: "text", nullable: false),
                    SourcePortRange = table.Column<string>(type: "text", nullable: false),
                    SourceCidrIp = table.Column<string>(type: "text", nullable: false),
                    Ipv6SourceCidrIp = table.Column<string>(type: "text", nullable: false),
                    DestCidrIp = table.Column<string>(type: "text", nullable: false),
                    Ipv6DestCidrIp = table.Column<string>(type: "text", nullable: false),
                    SourceGroupId = table.Column<string>(type: "text", nullable: false),
                    SourceGroupOwnerAccount = table.Column<string>(type: "text", nullable: false),
                    SourceGroupOwnerId = table.Column<string>(type: "text", nullable: false),
                    DestGroupId = table.Column<string>(type: "text", nullable: false),
                    DestGroupOwnerAccount = table.Column<string>(type: "text", nullable: false),
                    DestGroupOwnerId = table.Column<string>(type: "text", nullable: false),
                    SourcePrefixListId = table.Column<string>(type: "text", nullable: false),
                    DestPrefixListId = table.Column<string>(type: "text", nullable: false),
                    NicType = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "VSwitches",
                columns: table => new
                {
                    VSwitchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VpcId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CidrBlock = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VSwitchName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ResourceGroupId = table.Column<string>(type: "text", nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    VSwitchId = table.Column<string>(type: "character varying(64)", nullable: false),
                    AddressValue = table.Column<long>(type: "bigint", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "IX_IdempotencyRecords_ResourceId",
                table: "IdempotencyRecords",
                column: "ResourceId");

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

            migrationBuilder.CreateIndex(
                name: "IX_PortRangeLists_AccountId_RegionId",
                table: "PortRangeLists",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PrefixLists_AccountId_RegionId",
                table: "PrefixLists",
                columns: new[] { "AccountId", "RegionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivateIpAddresses_OwnerId",
                table: "PrivateIpAddresses",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceTags_AccountId_RegionId_ResourceType_TagKey",
                table: "ResourceTags",
                columns: new[] { "AccountId", "RegionId", "ResourceType", "TagKey" });

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
                name: "Instances");

            migrationBuilder.DropTable(
                name: "NetworkInterfaceGroups");

            migrationBuilder.DropTable(
                name: "PortRangeListEntries");

            migrationBuilder.DropTable(
                name: "PrefixListEntries");

            migrationBuilder.DropTable(
                name: "PrivateIpAddresses");

            migrationBuilder.DropTable(
                name: "ResourceTags");

            migrationBuilder.DropTable(
                name: "SecurityGroupRules");

            migrationBuilder.DropTable(
                name: "NetworkInterfaces");

            migrationBuilder.DropTable(
                name: "PortRangeLists");

            migrationBuilder.DropTable(
                name: "PrefixLists");

            migrationBuilder.DropTable(
                name: "VSwitches");

            migrationBuilder.DropTable(
                name: "SecurityGroups");

            migrationBuilder.DropTable(
                name: "Vpcs");
        }
    }
}
