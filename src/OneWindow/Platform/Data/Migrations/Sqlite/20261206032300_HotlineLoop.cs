using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HotlineLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_orders_caller_phone",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_ratings_subject_type_subject_id",
                table: "ratings");

            migrationBuilder.AddColumn<Guid>(
                name: "answer_article_id",
                table: "work_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "deadline_state",
                table: "work_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "extended_days",
                table: "work_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "extension_reason",
                table: "work_orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "extension_requested_days",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "work_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rating_level",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "received_by_department",
                table: "work_orders",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopens",
                table: "work_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "supervised_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "supervision_acknowledged_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "supervision_notice",
                table: "work_orders",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "round",
                table: "ratings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "day_counters",
                columns: table => new
                {
                    scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    last_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_day_counters", x => new { x.scope, x.day });
                });

            migrationBuilder.CreateTable(
                name: "knowledge_articles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    article_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    saved_at = table.Column<long>(type: "INTEGER", nullable: false),
                    saved_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_revisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "open311_clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key_prefix = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311_clients", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_address_received_at",
                table: "work_orders",
                columns: new[] { "address", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_caller_phone_received_at",
                table: "work_orders",
                columns: new[] { "caller_phone", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_parent_id",
                table: "work_orders",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_status_deadline_state",
                table: "work_orders",
                columns: new[] { "status", "deadline_state" });

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_type_subject_id_round",
                table: "ratings",
                columns: new[] { "subject_type", "subject_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_revisions_article_id_revision",
                table: "knowledge_revisions",
                columns: new[] { "article_id", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_open311_clients_key_hash",
                table: "open311_clients",
                column: "key_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "day_counters");

            migrationBuilder.DropTable(
                name: "knowledge_articles");

            migrationBuilder.DropTable(
                name: "knowledge_revisions");

            migrationBuilder.DropTable(
                name: "open311_clients");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_address_received_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_caller_phone_received_at",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_parent_id",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_work_orders_status_deadline_state",
                table: "work_orders");

            migrationBuilder.DropIndex(
                name: "ix_ratings_subject_type_subject_id_round",
                table: "ratings");

            migrationBuilder.DropColumn(
                name: "answer_article_id",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "deadline_state",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "extended_days",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "extension_reason",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "extension_requested_days",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "rating_level",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "received_by_department",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "reopens",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "supervised_at",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "supervision_acknowledged_at",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "supervision_notice",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "round",
                table: "ratings");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_caller_phone",
                table: "work_orders",
                column: "caller_phone");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_subject_type_subject_id",
                table: "ratings",
                columns: new[] { "subject_type", "subject_id" },
                unique: true);
        }
    }
}
