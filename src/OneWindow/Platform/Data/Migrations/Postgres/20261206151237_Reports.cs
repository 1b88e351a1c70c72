using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "accepted_at_one_window",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "working_days_taken",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report_daily",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received = table.Column<long>(type: "bigint", nullable: false),
                    online = table.Column<long>(type: "bigint", nullable: false),
                    one_window = table.Column<long>(type: "bigint", nullable: false),
                    instant = table.Column<long>(type: "bigint", nullable: false),
                    completed = table.Column<long>(type: "bigint", nullable: false),
                    one_visit = table.Column<long>(type: "bigint", nullable: false),
                    on_time = table.Column<long>(type: "bigint", nullable: false),
                    timed = table.Column<long>(type: "bigint", nullable: false),
                    working_days_sum = table.Column<long>(type: "bigint", nullable: false),
                    durations = table.Column<string>(type: "text", nullable: false),
                    tickets = table.Column<long>(type: "bigint", nullable: false),
                    wait_minutes_sum = table.Column<double>(type: "double precision", nullable: false),
                    ratings = table.Column<long>(type: "bigint", nullable: false),
                    ratings_good = table.Column<long>(type: "bigint", nullable: false),
                    work_orders = table.Column<long>(type: "bigint", nullable: false),
                    work_orders_finished = table.Column<long>(type: "bigint", nullable: false),
                    work_orders_on_time = table.Column<long>(type: "bigint", nullable: false),
                    callbacks = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_daily", x => new { x.day, x.region_code, x.department_code, x.item_code });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_accepted_on",
                table: "cases",
                column: "accepted_on");

            migrationBuilder.CreateIndex(
                name: "ix_report_daily_department_code_day",
                table: "report_daily",
                columns: new[] { "department_code", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_daily");

            migrationBuilder.DropIndex(
                name: "ix_cases_accepted_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "accepted_at_one_window",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "working_days_taken",
                table: "cases");
        }
    }
}
