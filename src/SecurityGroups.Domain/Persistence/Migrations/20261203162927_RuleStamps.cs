using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RuleStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RulesStamp",
                table: "SecurityGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // ADR-011: a group's RulesStamp takes a new random 64-bit value when the group is inserted and whenever one of its
            // rules is inserted, updated or deleted (EF, ExecuteDelete, cascades and raw SQL alike).
            migrationBuilder.Sql("UPDATE \"SecurityGroups\" SET \"RulesStamp\" = random();");
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroups_RulesStamp_Insert" AFTER INSERT ON "SecurityGroups"
                BEGIN UPDATE "SecurityGroups" SET "RulesStamp" = random() WHERE "SecurityGroupId" = NEW."SecurityGroupId"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroupRules_RulesStamp_Insert" AFTER INSERT ON "SecurityGroupRules"
                BEGIN UPDATE "SecurityGroups" SET "RulesStamp" = random() WHERE "SecurityGroupId" = NEW."SecurityGroupId"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroupRules_RulesStamp_Update" AFTER UPDATE ON "SecurityGroupRules"
                BEGIN UPDATE "SecurityGroups" SET "RulesStamp" = random() WHERE "SecurityGroupId" IN (OLD."SecurityGroupId", NEW."SecurityGroupId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroupRules_RulesStamp_Delete" AFTER DELETE ON "SecurityGroupRules"
                BEGIN UPDATE "SecurityGroups" SET "RulesStamp" = random() WHERE "SecurityGroupId" = OLD."SecurityGroupId"; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroupRules_RulesStamp_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroupRules_RulesStamp_Update\";");
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroupRules_RulesStamp_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroups_RulesStamp_Insert\";");
            migrationBuilder.DropColumn(
                name: "RulesStamp",
                table: "SecurityGroups");
        }
    }
}
