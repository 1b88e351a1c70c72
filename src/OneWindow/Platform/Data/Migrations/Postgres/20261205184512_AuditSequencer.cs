using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditSequencer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_unsealed",
                table: "audit_entries",
                columns: new[] { "region_code", "id" },
                filter: "sequence IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_unsealed",
                table: "audit_entries");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "audit_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
