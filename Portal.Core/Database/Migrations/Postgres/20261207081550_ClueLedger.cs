using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClueLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisputedPaymentId",
                table: "reports",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProposedAt",
                table: "clues",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProposedById",
                table: "clues",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedByName",
                table: "clues",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProposedPaymentStopped",
                table: "clues",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "ProposedRecoveredAmount",
                table: "clues",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProposedState",
                table: "clues",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clue_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClueId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SealedNote = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clue_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clue_identity_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClueId = table.Column<long>(type: "bigint", nullable: false),
                    RequesterId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SealedReason = table.Column<byte[]>(type: "bytea", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeciderId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeciderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    RevealedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clue_identity_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "clue_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClueId = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    BlobName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    SealedName = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clue_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_clue_evidence_clue_events_EventId",
                        column: x => x.EventId,
                        principalTable: "clue_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reports_DisputedPaymentId",
                table: "reports",
                column: "DisputedPaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_clue_events_ClueId_Id",
                table: "clue_events",
                columns: new[] { "ClueId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_clue_evidence_BlobName",
                table: "clue_evidence",
                column: "BlobName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clue_evidence_ClueId",
                table: "clue_evidence",
                column: "ClueId");

            migrationBuilder.CreateIndex(
                name: "IX_clue_evidence_EventId",
                table: "clue_evidence",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_clue_identity_requests_ClueId",
                table: "clue_identity_requests",
                column: "ClueId");

            // A clue's history is append-only: the database refuses to change or remove a step. Only a note's ciphertext may be
            // replaced, by the same note sealed under a newer key (a key rotation).
            migrationBuilder.Sql("""
                CREATE FUNCTION clue_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'clue_events is append-only'; END; $$;
                CREATE TRIGGER clue_events_append_only BEFORE UPDATE OF "Id", "ClueId", "At", "ActorId", "ActorName", "Action", "From", "To" OR DELETE OR TRUNCATE ON clue_events
                FOR EACH STATEMENT EXECUTE FUNCTION clue_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS clue_events_append_only ON clue_events; DROP FUNCTION IF EXISTS clue_events_append_only();");
            migrationBuilder.DropTable(
                name: "clue_evidence");

            migrationBuilder.DropTable(
                name: "clue_identity_requests");

            migrationBuilder.DropTable(
                name: "clue_events");

            migrationBuilder.DropIndex(
                name: "IX_reports_DisputedPaymentId",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "DisputedPaymentId",
                table: "reports");

            migrationBuilder.DropColumn(
                name: "ProposedAt",
                table: "clues");

            migrationBuilder.DropColumn(
                name: "ProposedById",
                table: "clues");

            migrationBuilder.DropColumn(
                name: "ProposedByName",
                table: "clues");

            migrationBuilder.DropColumn(
                name: "ProposedPaymentStopped",
                table: "clues");

            migrationBuilder.DropColumn(
                name: "ProposedRecoveredAmount",
                table: "clues");

            migrationBuilder.DropColumn(
                name: "ProposedState",
                table: "clues");
        }
    }
}
