using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SecurityGroups.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // ADR-011: a group's RulesStamp takes the next value of one sequence (unique across replicas) when the group is
            // inserted and whenever one of its rules is inserted, updated or deleted (EF, ExecuteDelete, cascades, raw SQL).
            migrationBuilder.Sql("CREATE SEQUENCE \"RulesStamps\";");
            migrationBuilder.Sql("UPDATE \"SecurityGroups\" SET \"RulesStamp\" = nextval('\"RulesStamps\"');");
            migrationBuilder.Sql("""
                CREATE FUNCTION "StampNewSecurityGroup"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."RulesStamp" := nextval('"RulesStamps"');
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroups_RulesStamp_Insert" BEFORE INSERT ON "SecurityGroups"
                FOR EACH ROW EXECUTE FUNCTION "StampNewSecurityGroup"();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "StampRulesOfSecurityGroup"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE "SecurityGroups" SET "RulesStamp" = nextval('"RulesStamps"') WHERE "SecurityGroupId" = OLD."SecurityGroupId";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        UPDATE "SecurityGroups" SET "RulesStamp" = nextval('"RulesStamps"') WHERE "SecurityGroupId" = NEW."SecurityGroupId";
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityGroupRules_RulesStamp" AFTER INSERT OR UPDATE OR DELETE ON "SecurityGroupRules"
                FOR EACH ROW EXECUTE FUNCTION "StampRulesOfSecurityGroup"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroupRules_RulesStamp\" ON \"SecurityGroupRules\";");
            migrationBuilder.Sql("DROP FUNCTION \"StampRulesOfSecurityGroup\"();");
            migrationBuilder.Sql("DROP TRIGGER \"SecurityGroups_RulesStamp_Insert\" ON \"SecurityGroups\";");
            migrationBuilder.Sql("DROP FUNCTION \"StampNewSecurityGroup\"();");
            migrationBuilder.Sql("DROP SEQUENCE \"RulesStamps\";");
            migrationBuilder.DropColumn(
                name: "RulesStamp",
                table: "SecurityGroups");
        }
    }
}
