using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Offices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OfficeCode",
                table: "staff_accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OfficeCode",
                table: "reports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_reports_OfficeCode_Status",
                table: "reports",
                columns: new[] { "OfficeCode", "Status" });

            // 省部级 and 厅局级 are one level now, 厅局级及以上 (OfficialLevel.DepartmentalAndAbove = 1). Rows get their office at start-up (DatabaseMigrator).
            migrationBuilder.Sql("UPDATE reports SET \"Level\" = 1 WHERE \"Level\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reports_OfficeCode_Status",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "OfficeCode",
                table: "staff_accounts");

            migrationBuilder.DropColumn(
                name: "OfficeCode",
                table: "reports");
        }
    }
}
