using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "appointments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    group_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    slot_start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    check_in_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    ticket_id = table.Column<Guid>(type: "uuid", nullable: true),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appointments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    identity_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    identity_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    identity_verified_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_chain_heads",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_chain_heads", x => x.region_code);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    subject_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    data = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bundle_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    bundle_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    bundle_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    lead_department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    committed_days = table.Column<int>(type: "integer", nullable: false),
                    issuance = table.Column<int>(type: "integer", nullable: false),
                    on_denial = table.Column<int>(type: "integer", nullable: false),
                    applicant_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    applicant_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    submitted_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    form_json = table.Column<string>(type: "text", nullable: false),
                    materials_json = table.Column<string>(type: "text", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    helper_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    helper_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    stop_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bundles",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    lead_department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_codes_json = table.Column<string>(type: "text", nullable: false),
                    committed_days = table.Column<int>(type: "integer", nullable: false),
                    issuance = table.Column<int>(type: "integer", nullable: false),
                    on_denial = table.Column<int>(type: "integer", nullable: false),
                    resolutions_json = table.Column<string>(type: "text", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundles", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    last_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_number_counters", x => new { x.region_code, x.day });
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    item_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sole_approver = table.Column<bool>(type: "boolean", nullable: false),
                    applicant_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicant_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    applicant_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    applicant_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    submitted_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    form_json = table.Column<string>(type: "text", nullable: false),
                    materials_json = table.Column<string>(type: "text", nullable: false),
                    committed_days = table.Column<int>(type: "integer", nullable: false),
                    bundle_application_id = table.Column<Guid>(type: "uuid", nullable: true),
                    joint_issuance = table.Column<bool>(type: "boolean", nullable: false),
                    provided_within_bundle_json = table.Column<string>(type: "text", nullable: false),
                    grant_awaits_license_json = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    resume_status = table.Column<int>(type: "integer", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    paused_since = table.Column<DateOnly>(type: "date", nullable: true),
                    pauses_json = table.Column<string>(type: "text", nullable: false),
                    deficiencies_json = table.Column<string>(type: "text", nullable: false),
                    deferred_materials_json = table.Column<string>(type: "text", nullable: false),
                    pledge_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    review_recommendation = table.Column<int>(type: "integer", nullable: true),
                    review_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decision_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    delivery = table.Column<int>(type: "integer", nullable: true),
                    suspend_on_broken_pledge = table.Column<bool>(type: "boolean", nullable: false),
                    supplement_days = table.Column<int>(type: "integer", nullable: false),
                    supplement_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    pledge_fulfilled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    suspended_since = table.Column<DateOnly>(type: "date", nullable: true),
                    deadline_state = table.Column<int>(type: "integer", nullable: false),
                    special_procedure_since = table.Column<DateOnly>(type: "date", nullable: true),
                    procedures_json = table.Column<string>(type: "text", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "catalog_import_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    requested_by_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by_roles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by_department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    report_json = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "counter_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    counter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counter_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "counters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    groups_json = table.Column<string>(type: "text", nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    state_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    current_ticket_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    short_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "file_contents",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_file_contents", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "halls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opens_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    closes_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    groups_json = table.Column<string>(type: "text", nullable: false),
                    stamp = table.Column<long>(type: "bigint", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_halls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "joint_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scheduled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    case_ids_json = table.Column<string>(type: "text", nullable: false),
                    departments_json = table.Column<string>(type: "text", nullable: false),
                    opinions_json = table.Column<string>(type: "text", nullable: false),
                    file_ids_json = table.Column<string>(type: "text", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verdict = table.Column<int>(type: "integer", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_joint_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "licenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    license_number = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    type_code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    type_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    issuer_department = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    holder_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    holder_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    holder_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    holder_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    fields_json = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kid = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    credential = table.Column<string>(type: "text", nullable: false),
                    qr_payload = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_licenses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_message_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_deliveries",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_deliveries", x => new { x.message_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    protected_value = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_secrets", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "project_stages",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    bundle_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_stages", x => new { x.project_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    owner_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    owner_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    owner_mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    investment = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    floor_area = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    risk_class = table.Column<int>(type: "integer", nullable: false),
                    limit_days = table.Column<int>(type: "integer", nullable: false),
                    steward_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    steward_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    deadline_state = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "queue_tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hall_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    group_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    item_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    access_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    called_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recalls = table.Column<int>(type: "integer", nullable: false),
                    counter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    counter_number = table.Column<int>(type: "integer", nullable: true),
                    target_counter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    served_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    served_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    case_ids_json = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    waiting_key = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_queue_tickets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    subject_type = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject_label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    staff_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    rated_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rectification_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    rating_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verify_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rectify_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    feedback_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    handled_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    is_current = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    applicant_type = table.Column<int>(type: "integer", nullable: false),
                    case_type = table.Column<int>(type: "integer", nullable: false),
                    statutory_days = table.Column<int>(type: "integer", nullable: false),
                    committed_days = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    visits_required = table.Column<int>(type: "integer", nullable: false),
                    online_depth = table.Column<int>(type: "integer", nullable: false),
                    license_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    flow = table.Column<int>(type: "integer", nullable: false),
                    allows_deferral = table.Column<bool>(type: "boolean", nullable: false),
                    allows_pledge = table.Column<bool>(type: "boolean", nullable: false),
                    pledge_consequence = table.Column<int>(type: "integer", nullable: false),
                    supplement_days = table.Column<int>(type: "integer", nullable: false),
                    supervising_department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    life_events = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    keywords = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    materials_json = table.Column<string>(type: "text", nullable: false),
                    form_json = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    kid = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    department_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    public_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    protected_private_key = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_keys", x => x.kid);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    @public = table.Column<bool>(name: "public", type: "boolean", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_off_day = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                    table.ForeignKey(
                        name: "fk_calendar_days_calendar_years_year",
                        column: x => x.year,
                        principalTable: "calendar_years",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_hall_id_day_check_in_code",
                table: "appointments",
                columns: new[] { "hall_id", "day", "check_in_code" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_hall_id_day_slot_start_group_code",
                table: "appointments",
                columns: new[] { "hall_id", "day", "slot_start", "group_code" });

            migrationBuilder.CreateIndex(
                name: "ix_appointments_user_id",
                table: "appointments",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "asp_net_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "role_name_index",
                table: "asp_net_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "asp_net_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "asp_net_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_department_code",
                table: "asp_net_users",
                column: "department_code");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_kind_identity_code",
                table: "asp_net_users",
                columns: new[] { "kind", "identity_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_region_code_sequence",
                table: "audit_entries",
                columns: new[] { "region_code", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_subject_type_subject_id",
                table: "audit_entries",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bundle_applications_applicant_user_id",
                table: "bundle_applications",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_applications_helper_user_id",
                table: "bundle_applications",
                column: "helper_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_applications_number",
                table: "bundle_applications",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bundle_applications_region_code_submitted_at",
                table: "bundle_applications",
                columns: new[] { "region_code", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bundle_applications_submitted_by_id_idempotency_key",
                table: "bundle_applications",
                columns: new[] { "submitted_by_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_days_year",
                table: "calendar_days",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_cases_applicant_user_id",
                table: "cases",
                column: "applicant_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_bundle_application_id",
                table: "cases",
                column: "bundle_application_id");

            migrationBuilder.CreateIndex(
                name: "ix_cases_department_code_status",
                table: "cases",
                columns: new[] { "department_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_number",
                table: "cases",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_region_code_status",
                table: "cases",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_status_due_date",
                table: "cases",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_submitted_by_id_idempotency_key",
                table: "cases",
                columns: new[] { "submitted_by_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalog_import_jobs_created_at",
                table: "catalog_import_jobs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_counter_sessions_counter_id_ended_at",
                table: "counter_sessions",
                columns: new[] { "counter_id", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "ix_counter_sessions_hall_id_started_at",
                table: "counter_sessions",
                columns: new[] { "hall_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_counters_hall_id_number",
                table: "counters",
                columns: new[] { "hall_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_counters_staff_user_id",
                table: "counters",
                column: "staff_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_departments_region_code_sort_order",
                table: "departments",
                columns: new[] { "region_code", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_halls_region_code",
                table: "halls",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_joint_reviews_project_id",
                table: "joint_reviews",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_case_id",
                table: "licenses",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_licenses_holder_code",
                table: "licenses",
                column: "holder_code");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_holder_user_id",
                table: "licenses",
                column: "holder_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_licenses_license_number",
                table: "licenses",
                column: "license_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_source_message_id_user_id",
                table: "notifications",
                columns: new[] { "source_message_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_occurred_at_id",
                table: "outbox_messages",
                columns: new[] { "occurred_at", "id" },
                filter: "processed_at IS NULL AND failed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_project_stages_application_id",
                table: "project_stages",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_code",
                table: "projects",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_steward_user_id",
                table: "projects",
                column: "steward_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_appointment_id",
                table: "queue_tickets",
                column: "appointment_id");

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_counter_id_finished_at",
                table: "queue_tickets",
                columns: new[] { "counter_id", "finished_at" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_hall_id_called_at",
                table: "queue_tickets",
                columns: new[] { "hall_id", "called_at" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_hall_id_day_group_code_sequence",
                table: "queue_tickets",
                columns: new[] { "hall_id", "day", "group_code", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_hall_id_group_code_finished_at",
                table: "queue_tickets",
                columns: new[] { "hall_id", "group_code", "finished_at" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_hall_id_group_code_waiting_key",
                table: "queue_tickets",
                columns: new[] { "hall_id", "group_code", "waiting_key" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_hall_id_waiting_key",
                table: "queue_tickets",
                columns: new[] { "hall_id", "waiting_key" });

            migrationBuilder.CreateIndex(
                name: "ix_queue_tickets_target_counter_id_waiting_key",
                table: "queue_tickets",
                columns: new[] { "target_counter_id", "waiting_key" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_department_code_created_at",
                table: "ratings",
                columns: new[] { "department_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_region_code_created_at",
                table: "ratings",
                columns: new[] { "region_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_type_subject_id",
                table: "ratings",
                columns: new[] { "subject_type", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_department_code_status_due_date",
                table: "rectifications",
                columns: new[] { "department_code", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_rating_id",
                table: "rectifications",
                column: "rating_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_items_code_item_version",
                table: "service_items",
                columns: new[] { "code", "item_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_items_is_current_department_code",
                table: "service_items",
                columns: new[] { "is_current", "department_code" });

            migrationBuilder.CreateIndex(
                name: "ix_service_items_region_code_is_current",
                table: "service_items",
                columns: new[] { "region_code", "is_current" });

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_department_code",
                table: "signing_keys",
                column: "department_code");

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_sha256",
                table: "stored_files",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appointments");

            migrationBuilder.DropTable(
                name: "asp_net_role_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_claims");

            migrationBuilder.DropTable(
                name: "asp_net_user_logins");

            migrationBuilder.DropTable(
                name: "asp_net_user_roles");

            migrationBuilder.DropTable(
                name: "asp_net_user_tokens");

            migrationBuilder.DropTable(
                name: "audit_chain_heads");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "bundle_applications");

            migrationBuilder.DropTable(
                name: "bundles");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "catalog_import_jobs");

            migrationBuilder.DropTable(
                name: "counter_sessions");

            migrationBuilder.DropTable(
                name: "counters");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "file_contents");

            migrationBuilder.DropTable(
                name: "halls");

            migrationBuilder.DropTable(
                name: "joint_reviews");

            migrationBuilder.DropTable(
                name: "licenses");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox_deliveries");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "platform_secrets");

            migrationBuilder.DropTable(
                name: "project_stages");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "queue_tickets");

            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "service_items");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "asp_net_roles");

            migrationBuilder.DropTable(
                name: "asp_net_users");

            migrationBuilder.DropTable(
                name: "calendar_years");
        }
    }
}
