using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstanceSystemDiskAndUserData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InstanceChargeType",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RamRoleName",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskCategory",
                table: "Instances",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskDescription",
                table: "Instances",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskId",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskName",
                table: "Instances",
                type: "TEXT",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskPerformanceLevel",
                table: "Instances",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SystemDiskSize",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "UserData",
                table: "Instances",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Instances launched before this migration get what a new one gets by default: PostPaid, a 40 GiB cloud_essd
            // PL1 system disk whose ID is derived from the instance's.
            migrationBuilder.Sql("UPDATE Instances SET InstanceChargeType = 'PostPaid', SystemDiskCategory = 'cloud_essd', SystemDiskSize = 40, "
                + "SystemDiskPerformanceLevel = 'PL1', SystemDiskId = 'd-' || substr(InstanceId, 3) WHERE SystemDiskId = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InstanceChargeType",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "RamRoleName",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskCategory",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskDescription",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskName",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskPerformanceLevel",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskSize",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "UserData",
                table: "Instances");
        }
    }
}
