using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Instances_AccountId_RegionId_CreatedAt_InstanceId",
                table: "Instances",
                columns: new[] { "AccountId", "RegionId", "CreatedAt", "InstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_PrimaryNetworkInterfaceId",
                table: "Instances",
                column: "PrimaryNetworkInterfaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_AccountId_RegionId_CreatedAt_InstanceId",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_PrimaryNetworkInterfaceId",
                table: "Instances");
        }
    }
}
