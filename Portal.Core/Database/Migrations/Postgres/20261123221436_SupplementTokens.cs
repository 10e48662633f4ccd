using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupplementTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "SubmissionKeyHash",
                table: "report_events",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_events_SubmissionKeyHash",
                table: "report_events",
                column: "SubmissionKeyHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_events_SubmissionKeyHash",
                table: "report_events");

            migrationBuilder.DropColumn(
                name: "SubmissionKeyHash",
                table: "report_events");
        }
    }
}
