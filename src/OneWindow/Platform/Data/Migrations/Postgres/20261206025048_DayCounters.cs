using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DayCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "day_counters",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_day_counters", x => new { x.scope, x.day });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "day_counters");
        }
    }
}
