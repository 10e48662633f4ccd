using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicationRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publication_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FundCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsRejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_publication_events_CountyCode_FundCode_Period",
                table: "publication_events",
                columns: new[] { "CountyCode", "FundCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_publication_events_VillageCode_FundCode_Period",
                table: "publication_events",
                columns: new[] { "VillageCode", "FundCode", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publication_events");
        }
    }
}
