using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "post_to_json",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "doorstep_pickups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    applicant_mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    booked_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    booked_via = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    address_region = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address_line = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    slot = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    materials_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    agent_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    agent_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    agent_organisation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    checks_json = table.Column<string>(type: "TEXT", nullable: false),
                    booked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    collected_at = table.Column<long>(type: "INTEGER", nullable: true),
                    at_window_at = table.Column<long>(type: "INTEGER", nullable: true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doorstep_pickups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    applicant_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    mode = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    site_address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    site_json = table.Column<string>(type: "TEXT", nullable: false),
                    video_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    recording_file_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    locations_json = table.Column<string>(type: "TEXT", nullable: false),
                    photos_json = table.Column<string>(type: "TEXT", nullable: false),
                    attachment_ids = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    checklist_points_json = table.Column<string>(type: "TEXT", nullable: false),
                    checklist_json = table.Column<string>(type: "TEXT", nullable: false),
                    conclusion = table.Column<int>(type: "INTEGER", nullable: true),
                    findings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    distance_saved_km = table.Column<double>(type: "REAL", nullable: false),
                    opened_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    concluded_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    concluded_at = table.Column<long>(type: "INTEGER", nullable: true),
                    report_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intermediaries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uscc = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    service_types_json = table.Column<string>(type: "TEXT", nullable: false),
                    qualifications_json = table.Column<string>(type: "TEXT", nullable: false),
                    service_area_json = table.Column<string>(type: "TEXT", nullable: false),
                    price_range = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    staff_count = table.Column<int>(type: "INTEGER", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    contact_mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    blacklisted_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    breaches_json = table.Column<string>(type: "TEXT", nullable: false),
                    rating_count = table.Column<int>(type: "INTEGER", nullable: false),
                    rating_sum = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    contracts = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    verified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intermediaries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    buyer_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    buyer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    buyer_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    project_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    service_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    qualification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    qualification_level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    method = table.Column<int>(type: "INTEGER", nullable: false),
                    sign_up_until = table.Column<long>(type: "INTEGER", nullable: false),
                    seed_commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seed = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    sign_ups_json = table.Column<string>(type: "TEXT", nullable: false),
                    ranking_json = table.Column<string>(type: "TEXT", nullable: false),
                    excluded_json = table.Column<string>(type: "TEXT", nullable: false),
                    winner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    winner_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    winning_price = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    direct_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    publicity_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    objections_json = table.Column<string>(type: "TEXT", nullable: false),
                    contract_amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    contract_signed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    delivered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    delivery_note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rating_json = table.Column<string>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shipments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    waybill_number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    carrier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    item_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from_region = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    applicant_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    recipient = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    mobile = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address_line = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    items_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    band = table.Column<int>(type: "INTEGER", nullable: true),
                    fee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    scans_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    source_message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
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
