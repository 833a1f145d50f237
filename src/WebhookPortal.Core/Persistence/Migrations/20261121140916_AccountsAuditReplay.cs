using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookPortal.Core.Persistence.Migrations
{
    public partial class AccountsAuditReplay : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    may_see_secrets = table.Column<bool>(type: "INTEGER", nullable: false),
                    links_revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_sign_in_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    target_type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    target_id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portal_keys",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_keys", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "replay_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    filter = table.Column<string>(type: "TEXT", nullable: false),
                    up_to_delivery_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    queued = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replay_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    account_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hint = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_keys_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries",
                columns: new[] { "last_response_status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_status_id",
                table: "deliveries",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_email",
                table: "accounts",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_account_id",
                table: "api_keys",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_action_id",
                table: "audit_entries",
                columns: new[] { "action", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_actor_account_id_id",
                table: "audit_entries",
                columns: new[] { "actor_account_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_target_id_id",
                table: "audit_entries",
                columns: new[] { "target_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_replay_jobs_completed_at",
                table: "replay_jobs",
                column: "completed_at");

            // No database-level foreign key for listeners.owner_account_id: on SQLite adding one rebuilds the listeners
            // table, which would drop its URL-search triggers. AccountService.DeleteAsync clears the owner itself.

            // The audit trail is append-only: the database itself refuses to change or remove an entry.
            migrationBuilder.Sql(
                "CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries " +
                "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries " +
                "BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "portal_keys");

            migrationBuilder.DropTable(
                name: "replay_jobs");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_last_response_status_id",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_status_id",
                table: "deliveries");
        }
    }
}
