using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebhookPortal.Core.Persistence.Migrations
{
    public partial class ListenersAndPeople : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "updated_at",
                table: "hooks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("UPDATE hooks SET updated_at = created_at;");

            migrationBuilder.CreateTable(
                name: "listeners",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    hook_id = table.Column<int>(type: "INTEGER", nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    owner_account_id = table.Column<int>(type: "INTEGER", nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    disabled_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    consecutive_failures = table.Column<int>(type: "INTEGER", nullable: false),
                    failing_since = table.Column<long>(type: "INTEGER", nullable: true),
                    secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    previous_secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    previous_secret_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    headers = table.Column<string>(type: "TEXT", nullable: false),
                    filters = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listeners", x => x.id);
                    table.ForeignKey(
                        name: "fk_listeners_hooks_hook_id",
                        column: x => x.hook_id,
                        principalTable: "hooks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listeners_created_at",
                table: "listeners",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_listeners_hook_id_id_enabled",
                table: "listeners",
                columns: new[] { "hook_id", "id", "enabled" });

            migrationBuilder.CreateIndex(
                name: "ix_listeners_owner_account_id",
                table: "listeners",
                column: "owner_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_listeners_url",
                table: "listeners",
                column: "url");

            // Substring search in listener URLs through a trigram index (SQLite FTS5 over listeners.url,
            // keyed by rowid), kept in step by triggers. A later migration that rebuilds the listeners
            // table must run ListenerUrlSearch.Rebuild afterwards (see that class).
            migrationBuilder.Sql(@"
                CREATE VIRTUAL TABLE listener_url_search USING fts5(url, content = 'listeners', content_rowid = 'rowid', tokenize = 'trigram');
                CREATE TRIGGER listeners_url_search_insert AFTER INSERT ON listeners BEGIN
                    INSERT INTO listener_url_search (rowid, url) VALUES (new.rowid, new.url);
                END;
                CREATE TRIGGER listeners_url_search_delete AFTER DELETE ON listeners BEGIN
                    INSERT INTO listener_url_search (listener_url_search, rowid, url) VALUES ('delete', old.rowid, old.url);
                END;
                CREATE TRIGGER listeners_url_search_update AFTER UPDATE OF url ON listeners BEGIN
                    INSERT INTO listener_url_search (listener_url_search, rowid, url) VALUES ('delete', old.rowid, old.url);
                    INSERT INTO listener_url_search (rowid, url) VALUES (new.rowid, new.url);
                END;
                INSERT INTO listener_url_search (listener_url_search) VALUES ('rebuild');
                ");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
                DROP TRIGGER IF EXISTS listeners_url_search_update;
                DROP TRIGGER IF EXISTS listeners_url_search_delete;
                DROP TRIGGER IF EXISTS listeners_url_search_insert;
                DROP TABLE IF EXISTS listener_url_search;
                ");

            migrationBuilder.DropTable(
                name: "listeners");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "hooks");
        }
    }
}
