using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    /// <summary>Instance settings the Modify* Actions change (metadata options, auto-release time, maintenance, deployment set,
    /// private pool, credit mode, system-disk snapshot policy, expiry) and the ENI queue-pair number. Existing rows get Alibaba's
    /// defaults, the same the entity starts with.</summary>
    public partial class InstanceSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QueuePairNumber",
                table: "NetworkInterfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "AutoReleaseTime",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditSpecification",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeploymentSetId",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiredAt",
                table: "Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HttpEndpoint",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "enabled");

            migrationBuilder.AddColumn<int>(
                name: "HttpPutResponseHopLimit",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "HttpTokens",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "optional");

            migrationBuilder.AddColumn<string>(
                name: "InstanceMetadataTags",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "disabled");

            migrationBuilder.AddColumn<string>(
                name: "MaintenanceAction",
                table: "Instances",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "AutoRecover");

            migrationBuilder.AddColumn<string>(
                name: "MaintenanceEndTime",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MaintenanceStartTime",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "NotifyOnMaintenance",
                table: "Instances",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PrivatePoolId",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PrivatePoolMatchCriteria",
                table: "Instances",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<string>(
                name: "SystemDiskAutoSnapshotPolicyId",
                table: "Instances",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QueuePairNumber",
                table: "NetworkInterfaces");

            migrationBuilder.DropColumn(
                name: "AutoReleaseTime",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "CreditSpecification",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "DeploymentSetId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ExpiredAt",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpEndpoint",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpPutResponseHopLimit",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "HttpTokens",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "InstanceMetadataTags",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "MaintenanceAction",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "MaintenanceEndTime",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "MaintenanceStartTime",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "NotifyOnMaintenance",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "PrivatePoolId",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "PrivatePoolMatchCriteria",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "SystemDiskAutoSnapshotPolicyId",
                table: "Instances");
        }
    }
}
