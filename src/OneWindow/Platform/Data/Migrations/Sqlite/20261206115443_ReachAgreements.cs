using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReachAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "accepting_region",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    region_a = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    region_a_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    region_b = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    region_b_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    item_codes_json = table.Column<string>(type: "TEXT", nullable: false),
                    since = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_accepting_region_status",
                table: "cases",
                columns: new[] { "accepting_region", "status" },
                filter: "accepting_region IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_region_a_region_b",
                table: "agreements",
                columns: new[] { "region_a", "region_b" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_cases_accepting_region_status",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "accepting_region",
                table: "cases");
        }
    }
}
