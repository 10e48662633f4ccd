using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Handovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedAt",
                table: "reports",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "OfficeCode",
                table: "report_events",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ToOfficeCode",
                table: "report_events",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_events_OfficeCode_Kind_At",
                table: "report_events",
                columns: new[] { "OfficeCode", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_report_events_ToOfficeCode_Kind_At",
                table: "report_events",
                columns: new[] { "ToOfficeCode", "Kind", "At" });

            // Every report so far is still with the office it was filed with. Events get their office at start-up (DatabaseMigrator).
            migrationBuilder.Sql("UPDATE reports SET \"ReceivedAt\" = \"SubmittedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_events_OfficeCode_Kind_At",
                table: "report_events");

            migrationBuilder.DropIndex(
                name: "IX_report_events_ToOfficeCode_Kind_At",
                table: "report_events");

            migrationBuilder.DropColumn(
                name: "ReceivedAt",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "OfficeCode",
                table: "report_events");

            migrationBuilder.DropColumn(
                name: "ToOfficeCode",
                table: "report_events");
        }
    }
}
