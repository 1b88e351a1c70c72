using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneWindow.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open311Clients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_open311_clients_key_hash",
                table: "open311_clients",
                column: "key_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_clients");
        }
    }
}
