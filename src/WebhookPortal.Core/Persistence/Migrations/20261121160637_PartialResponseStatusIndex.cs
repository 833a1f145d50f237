using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookPortal.Core.Persistence.Migrations
{
    public partial class PartialResponseStatusIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries",
                columns: new[] { "last_response_status", "id" },
                filter: "last_response_status IS NOT NULL");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries",
                columns: new[] { "last_response_status", "id" });
        }
    }
}
