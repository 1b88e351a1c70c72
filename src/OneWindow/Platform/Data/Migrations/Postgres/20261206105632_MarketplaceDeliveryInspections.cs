using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MarketplaceDeliveryInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "pickup_id",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "post_to_json",
                table: "cases",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "doorstep_pickups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    booked_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    booked_via = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    address_region = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address_line = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    slot = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    materials_json = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    agent_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    agent_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    agent_organisation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    checks_json = table.Column<string>(type: "text", nullable: false),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    collected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    at_window_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doorstep_pickups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    site_address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    site_json = table.Column<string>(type: "text", nullable: false),
                    video_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recording_file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    locations_json = table.Column<string>(type: "text", nullable: false),
                    photos_json = table.Column<string>(type: "text", nullable: false),
                    attachment_ids = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    checklist_points_json = table.Column<string>(type: "text", nullable: false),
                    checklist_json = table.Column<string>(type: "text", nullable: false),
                    conclusion = table.Column<int>(type: "integer", nullable: true),
                    findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    distance_saved_km = table.Column<double>(type: "double precision", nullable: false),
                    opened_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    concluded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    concluded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    payload = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intermediaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    service_types_json = table.Column<string>(type: "text", nullable: false),
                    qualifications_json = table.Column<string>(type: "text", nullable: false),
                    service_area_json = table.Column<string>(type: "text", nullable: false),
                    price_range = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staff_count = table.Column<int>(type: "integer", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    blacklisted_until = table.Column<DateOnly>(type: "date", nullable: true),
                    breaches_json = table.Column<string>(type: "text", nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    rating_sum = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    contracts = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intermediaries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    buyer_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    buyer_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    project_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    service_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    qualification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    qualification_level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    method = table.Column<int>(type: "integer", nullable: false),
                    sign_up_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    seed_commitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    sign_ups_json = table.Column<string>(type: "text", nullable: false),
                    ranking_json = table.Column<string>(type: "text", nullable: false),
                    excluded_json = table.Column<string>(type: "text", nullable: false),
                    winner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    winner_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    winning_price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    direct_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publicity_until = table.Column<DateOnly>(type: "date", nullable: true),
                    objections_json = table.Column<string>(type: "text", nullable: false),
                    contract_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    contract_signed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    delivered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    delivery_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    rating_json = table.Column<string>(type: "text", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shipments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    waybill_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    carrier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_region = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recipient = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address_line = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    items_json = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    band = table.Column<int>(type: "integer", nullable: true),
                    fee = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    scans_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source_message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_doorstep_pickups_booked_by_user_id",
                table: "doorstep_pickups",
                column: "booked_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_doorstep_pickups_number",
                table: "doorstep_pickups",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_doorstep_pickups_status_day",
                table: "doorstep_pickups",
                columns: new[] { "status", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_case_id",
                table: "inspections",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_department_code_status_opened_at",
                table: "inspections",
                columns: new[] { "department_code", "status", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inspections_report_number",
                table: "inspections",
                column: "report_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intermediaries_owner_user_id",
                table: "intermediaries",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_intermediaries_status",
                table: "intermediaries",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_intermediaries_uscc",
                table: "intermediaries",
                column: "uscc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_buyer_code_created_at",
                table: "purchases",
                columns: new[] { "buyer_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_number",
                table: "purchases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_status_created_at",
                table: "purchases",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_winner_id",
                table: "purchases",
                column: "winner_id");

            migrationBuilder.CreateIndex(
                name: "ix_shipments_carrier_finished_at",
                table: "shipments",
                columns: new[] { "carrier", "finished_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shipments_carrier_status_created_at",
                table: "shipments",
                columns: new[] { "carrier", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_shipments_case_id",
                table: "shipments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_shipments_source_message_id",
                table: "shipments",
                column: "source_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shipments_waybill_number",
                table: "shipments",
                column: "waybill_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doorstep_pickups");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "intermediaries");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropTable(
                name: "shipments");

            migrationBuilder.DropColumn(
                name: "pickup_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "post_to_json",
                table: "cases");
        }
    }
}
