using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HotlineWorkOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    caller_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    caller_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    caller_id_number = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    caller_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    received_by_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    received_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "work_order_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    work_order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_order_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_order_steps_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_work_order_steps_work_order_id_at",
                table: "work_order_steps",
                columns: new[] { "work_order_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_caller_phone",
                table: "work_orders",
                column: "caller_phone");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_caller_user_id",
                table: "work_orders",
                column: "caller_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_number",
                table: "work_orders",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_received_by_id_idempotency_key",
                table: "work_orders",
                columns: new[] { "received_by_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_region_code_received_at",
                table: "work_orders",
                columns: new[] { "region_code", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "work_order_steps");

            migrationBuilder.DropTable(
                name: "work_orders");
        }
    }
}
