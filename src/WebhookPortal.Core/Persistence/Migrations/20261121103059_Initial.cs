using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookPortal.Core.Persistence.Migrations
{
    public partial class Initial : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hooks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false, collation: "NOCASE"),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    entity_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    entity_change = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    provided_fields = table.Column<string>(type: "TEXT", nullable: false),
                    sample_payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hooks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hooks_name",
                table: "hooks",
                column: "name",
                unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hooks");
        }
    }
}
