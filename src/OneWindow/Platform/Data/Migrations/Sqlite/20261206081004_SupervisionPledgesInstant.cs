using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionPledgesInstant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "duty_split",
                table: "service_items",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "instant_rules_json",
                table: "service_items",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "decided_by",
                table: "licenses",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "expert_ids_json",
                table: "joint_reviews",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "decided_by_name",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "decision_json",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "immediate",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // JSON lists added to existing rows start empty, as lists.
            migrationBuilder.Sql("UPDATE service_items SET instant_rules_json = '[]' WHERE instant_rules_json = ''");
            migrationBuilder.Sql("UPDATE joint_reviews SET expert_ids_json = '[]' WHERE expert_ids_json = ''");

            // Cases of 即办 items (case type Immediate = 0) taken before this version know it too.
            migrationBuilder.Sql("UPDATE cases SET immediate = 1 WHERE item_version_id IN (SELECT id FROM service_items WHERE case_type = 0)");

            migrationBuilder.AddColumn<string>(
                name: "pledge_json",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credit_marks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    department_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    pledge_blocked_until = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_marks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "expert_draws",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    eligible_json = table.Column<string>(type: "TEXT", nullable: false),
                    recused_json = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_json = table.Column<string>(type: "TEXT", nullable: false),
                    drawn_at = table.Column<long>(type: "INTEGER", nullable: false),
                    drawn_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_draws", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "experts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    field = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    employer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    employer_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    involvements_json = table.Column<string>(type: "TEXT", nullable: false),
                    active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "post_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    supervising_department = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    holder_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    pledged_materials_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    checked_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_checks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    license_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    approving_department = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    supervising_department = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    holder_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    license_number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    facts_json = table.Column<string>(type: "TEXT", nullable: false),
                    with_deferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    pledge_approval = table.Column<bool>(type: "INTEGER", nullable: false),
                    pushed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    pushed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    claim_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    claimed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    claimed_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    feedback_json = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervision_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "trade_bans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    holder_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    holder_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    item_kinds_json = table.Column<string>(type: "TEXT", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    department_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source_item_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    source_case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trade_bans", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_marks_holder_code",
                table: "credit_marks",
                column: "holder_code");

            migrationBuilder.CreateIndex(
                name: "ix_expert_draws_review_id",
                table: "expert_draws",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_experts_field_active",
                table: "experts",
                columns: new[] { "field", "active" });

            migrationBuilder.CreateIndex(
                name: "ix_post_checks_case_id",
                table: "post_checks",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_post_checks_supervising_department_status_due_date",
                table: "post_checks",
                columns: new[] { "supervising_department", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_items_case_id",
                table: "supervision_items",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervision_items_source_message_id",
                table: "supervision_items",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_supervision_items_status_claim_by",
                table: "supervision_items",
                columns: new[] { "status", "claim_by" });

            migrationBuilder.CreateIndex(
                name: "ix_supervision_items_supervising_department_status_pushed_at",
                table: "supervision_items",
                columns: new[] { "supervising_department", "status", "pushed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_trade_bans_holder_code_until",
                table: "trade_bans",
                columns: new[] { "holder_code", "until" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_marks");

            migrationBuilder.DropTable(
                name: "expert_draws");

            migrationBuilder.DropTable(
                name: "experts");

            migrationBuilder.DropTable(
                name: "post_checks");

            migrationBuilder.DropTable(
                name: "supervision_items");

            migrationBuilder.DropTable(
                name: "trade_bans");

            migrationBuilder.DropColumn(
                name: "duty_split",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "instant_rules_json",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "decided_by",
                table: "licenses");

            migrationBuilder.DropColumn(
                name: "expert_ids_json",
                table: "joint_reviews");

            migrationBuilder.DropColumn(
                name: "decided_by_name",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "decision_json",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "immediate",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "pledge_json",
                table: "cases");
        }
    }
}
