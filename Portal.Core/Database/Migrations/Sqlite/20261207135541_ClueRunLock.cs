using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClueRunLock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clue_run_lock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Runs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clue_run_lock", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "clue_run_lock",
                columns: new[] { "Id", "Runs" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clue_run_lock");
        }
    }
}
