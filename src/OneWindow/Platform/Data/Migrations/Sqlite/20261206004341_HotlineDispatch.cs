using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HotlineDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assisting_json",
                table: "work_orders",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "closed_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "dispatched_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lead_department",
                table: "work_orders",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "replied_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reply",
                table: "work_orders",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "return_by",
                table: "work_orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "returns",
                table: "work_orders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "signed_at",
                table: "work_orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_orders_lead_department_status",
                table: "work_orders",
                columns: new[] { "lead_department", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_work_orders_lead_department_status",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "assisting_json",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "dispatched_at",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "lead_department",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "replied_at",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "reply",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "return_by",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "returns",
                table: "work_orders");

            migrationBuilder.DropColumn(
                name: "signed_at",
                table: "work_orders");
        }
    }
}
