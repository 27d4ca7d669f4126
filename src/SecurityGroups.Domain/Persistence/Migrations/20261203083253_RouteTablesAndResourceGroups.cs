using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RouteTablesAndResourceGroups : Migration
    {
        /// <inheritdoc />
        // Existing ENIs get the values new ones start with: DeleteOnRelease true, QueueNumber 1, traffic mode Standard.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RouteTableDescription",
                table: "Vpcs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RouteTableName",
                table: "Vpcs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "DeleteOnRelease",
                table: "NetworkInterfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "DeviceIndex",
                table: "NetworkInterfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "NetworkInterfaceTrafficMode",
                table: "NetworkInterfaces",
                type: "TEXT",
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<int>(
                name: "QueueNumber",
                table: "NetworkInterfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "SourceDestCheck",
                table: "NetworkInterfaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RouteTableDescription",
                table: "Vpcs");

            migrationBuilder.DropColumn(
                name: "RouteTableName",
                table: "Vpcs");

            migrationBuilder.DropColumn(
                name: "DeleteOnRelease",
                table: "NetworkInterfaces");

            migrationBuilder.DropColumn(
                name: "DeviceIndex",
                table: "NetworkInterfaces");

            migrationBuilder.DropColumn(
                name: "NetworkInterfaceTrafficMode",
                table: "NetworkInterfaces");

            migrationBuilder.DropColumn(
                name: "QueueNumber",
                table: "NetworkInterfaces");

            migrationBuilder.DropColumn(
                name: "SourceDestCheck",
                table: "NetworkInterfaces");
        }
    }
}
