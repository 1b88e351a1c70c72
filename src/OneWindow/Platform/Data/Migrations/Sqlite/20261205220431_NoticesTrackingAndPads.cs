using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticesTrackingAndPads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "due_date_provisional",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "withdraw_reason",
                table: "cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issuer_department = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    issuer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    paragraphs_json = table.Column<string>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    source_message_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pad_pairings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    counter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pad_pairings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_notices_case_id",
                table: "case_notices",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_notices_document_number",
                table: "case_notices",
                column: "document_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_notices_source_message_id",
                table: "case_notices",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pad_pairings_code_hash",
                table: "pad_pairings",
                column: "code_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_notices");

            migrationBuilder.DropTable(
                name: "pad_pairings");

            migrationBuilder.DropColumn(
                name: "due_date_provisional",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "withdraw_reason",
                table: "cases");
        }
    }
}
