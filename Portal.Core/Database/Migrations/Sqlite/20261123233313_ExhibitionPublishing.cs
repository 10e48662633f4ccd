using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExhibitionPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exhibition_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LiveVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exhibition_versions_exhibition_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "exhibition_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_items_Kind_Key",
                table: "exhibition_items",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_items_Stage_PublishAt",
                table: "exhibition_items",
                columns: new[] { "Stage", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_versions_ItemId_Number",
                table: "exhibition_versions",
                columns: new[] { "ItemId", "Number" },
                unique: true);
            // Every version is kept: the database refuses to change or remove one.
            migrationBuilder.Sql("CREATE TRIGGER exhibition_versions_no_update BEFORE UPDATE ON exhibition_versions BEGIN SELECT RAISE(ABORT, 'exhibition_versions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER exhibition_versions_no_delete BEFORE DELETE ON exhibition_versions BEGIN SELECT RAISE(ABORT, 'exhibition_versions is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exhibition_versions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exhibition_versions_no_delete;");
            migrationBuilder.DropTable(
                name: "exhibition_versions");

            migrationBuilder.DropTable(
                name: "exhibition_items");
        }
    }
}
