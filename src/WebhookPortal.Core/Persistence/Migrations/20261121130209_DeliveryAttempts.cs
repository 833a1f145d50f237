using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookPortal.Core.Persistence.Migrations
{
    public partial class DeliveryAttempts : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.AddColumn<string>(
                name: "next_trigger",
                table: "deliveries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Scheduled");

            migrationBuilder.AddColumn<string>(
                name: "next_triggered_by",
                table: "deliveries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    delivery_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    triggered_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    duration_milliseconds = table.Column<int>(type: "INTEGER", nullable: false),
                    request_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    request_headers = table.Column<string>(type: "TEXT", nullable: false),
                    response_status = table.Column<int>(type: "INTEGER", nullable: true),
                    response_headers = table.Column<string>(type: "TEXT", nullable: true),
                    response_body = table.Column<string>(type: "TEXT", nullable: true),
                    response_body_truncated = table.Column<bool>(type: "INTEGER", nullable: false),
                    error_kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    error_message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_delivery_attempts_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                columns: new[] { "next_attempt_at", "listener_id", "id" },
                filter: "status = 'Pending' AND held = 0");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_listener_due",
                table: "deliveries",
                columns: new[] { "listener_id", "next_attempt_at" },
                filter: "status = 'Pending' AND held = 0");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_delivery_id_number",
                table: "delivery_attempts",
                columns: new[] { "delivery_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_started_at",
                table: "delivery_attempts",
                column: "started_at");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_attempts");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_listener_due",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "next_trigger",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "next_triggered_by",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                column: "next_attempt_at",
                filter: "status = 'Pending' AND held = 0");
        }
    }
}
