using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CallbacksAndOneLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ratings_subject_type_subject_id_round",
                table: "ratings");

            migrationBuilder.AlterColumn<Guid>(
                name: "rating_id",
                table: "rectifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<int>(
                name: "level",
                table: "rectifications",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "assign_note",
                table: "rectifications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "rectifications",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "citizen_satisfied",
                table: "rectifications",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "deadline_state",
                table: "rectifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "send_backs",
                table: "rectifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "source",
                table: "rectifications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "source_id",
                table: "rectifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "by_callback",
                table: "ratings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "completed_on",
                table: "cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "had_correction",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "callback_do_not_call",
                columns: table => new
                {
                    phone_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    tail = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_callback_do_not_call", x => x.phone_hash);
                });

            migrationBuilder.CreateTable(
                name: "callback_lists",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    service_date = table.Column<DateOnly>(type: "date", nullable: false),
                    services = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    built_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_callback_lists", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "callback_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_date = table.Column<DateOnly>(type: "date", nullable: false),
                    service_date = table.Column<DateOnly>(type: "date", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    citizen_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    on_time = table.Column<bool>(type: "boolean", nullable: false),
                    had_correction = table.Column<bool>(type: "boolean", nullable: false),
                    deferral = table.Column<bool>(type: "boolean", nullable: false),
                    served_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    must_call = table.Column<bool>(type: "boolean", nullable: false),
                    agent_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    agent_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_half_day = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    attitude = table.Column<int>(type: "integer", nullable: true),
                    process = table.Column<int>(type: "integer", nullable: true),
                    efficiency = table.Column<int>(type: "integer", nullable: true),
                    done_in_one_visit = table.Column<bool>(type: "boolean", nullable: true),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    rating_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rectification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    attempts_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_callback_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reverse_experiences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    problems_json = table.Column<string>(type: "text", nullable: false),
                    by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reverse_experiences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unresolved_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    what_happened = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    want = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    citizen_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    citizen_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    received_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    take_by = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    officer_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    officer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    officer_department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    legal_basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    flagged = table.Column<bool>(type: "boolean", nullable: false),
                    rectification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unresolved_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_closed_at",
                table: "work_orders",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_source_source_id",
                table: "rectifications",
                columns: new[] { "source", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_status_due_date",
                table: "rectifications",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_created_at",
                table: "ratings",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_id",
                table: "ratings",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_type_subject_id_round_by_callback",
                table: "ratings",
                columns: new[] { "subject_type", "subject_id", "round", "by_callback" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_day_status",
                table: "queue_tickets",
                columns: new[] { "day", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_completed_on",
                table: "cases",
                column: "completed_on");

            migrationBuilder.CreateIndex(
                name: "ix_callback_tasks_agent_user_id_status",
                table: "callback_tasks",
                columns: new[] { "agent_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_callback_tasks_list_date_region_code_status",
                table: "callback_tasks",
                columns: new[] { "list_date", "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_callback_tasks_phone_list_date",
                table: "callback_tasks",
                columns: new[] { "phone", "list_date" });

            migrationBuilder.CreateIndex(
                name: "ix_callback_tasks_subject_type_subject_id_round",
                table: "callback_tasks",
                columns: new[] { "subject_type", "subject_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reverse_experiences_region_code_date",
                table: "reverse_experiences",
                columns: new[] { "region_code", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_unresolved_reports_citizen_user_id",
                table: "unresolved_reports",
                column: "citizen_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_unresolved_reports_item_code_received_at",
                table: "unresolved_reports",
                columns: new[] { "item_code", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_unresolved_reports_number",
                table: "unresolved_reports",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unresolved_reports_region_code_status",
                table: "unresolved_reports",
                columns: new[] { "region_code", "status" });

            // Rectifications made before the one loop were all opened by a rating: their source is that rating.
            migrationBuilder.Sql("UPDATE rectifications SET source_id = rating_id::text WHERE source_id = '' AND rating_id IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "callback_do_not_call");

            migrationBuilder.DropTable(
                name: "callback_lists");

            migrationBuilder.DropTable(
                name: "callback_tasks");

            migrationBuilder.DropTable(
                name: "reverse_experiences");

            migrationBuilder.DropTable(
                name: "unresolved_reports");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_closed_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_rectifications_source_source_id",
                table: "rectifications");

            migrationBuilder.DropIndex(
                name: "ix_rectifications_status_due_date",
                table: "rectifications");

            migrationBuilder.DropIndex(
                name: "ix_ratings_created_at",
                table: "ratings");

            migrationBuilder.DropIndex(
                name: "ix_ratings_subject_id",
                table: "ratings");

            migrationBuilder.DropIndex(
                name: "ix_ratings_subject_type_subject_id_round_by_callback",
                table: "ratings");

            migrationBuilder.DropIndex(
                name: "ix_queue_tickets_day_status",
                table: "queue_tickets");

            migrationBuilder.DropIndex(
                name: "ix_cases_completed_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "assign_note",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "citizen_satisfied",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "deadline_state",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "send_backs",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "source",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "source_id",
                table: "rectifications");

            migrationBuilder.DropColumn(
                name: "by_callback",
                table: "ratings");

            migrationBuilder.DropColumn(
                name: "completed_on",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "had_correction",
                table: "cases");

            migrationBuilder.AlterColumn<Guid>(
                name: "rating_id",
                table: "rectifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "level",
                table: "rectifications",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_type_subject_id_round",
                table: "ratings",
                columns: new[] { "subject_type", "subject_id", "round" },
                unique: true);
        }
    }
}
