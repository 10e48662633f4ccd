using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    LiveVersion = table.Column<int>(type: "integer", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
            migrationBuilder.Sql("""
                CREATE FUNCTION exhibition_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'exhibition_versions is append-only'; END; $$;
                CREATE TRIGGER exhibition_versions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON exhibition_versions
                FOR EACH STATEMENT EXECUTE FUNCTION exhibition_versions_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exhibition_versions_append_only ON exhibition_versions; DROP FUNCTION IF EXISTS exhibition_versions_append_only();");
            migrationBuilder.DropTable(
                name: "exhibition_versions");

            migrationBuilder.DropTable(
                name: "exhibition_items");
        }
    }
}
