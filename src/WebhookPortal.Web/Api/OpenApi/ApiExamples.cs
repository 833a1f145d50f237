namespace WebhookPortal.Web.Api.OpenApi;

/// <summary>Example bodies for the OpenAPI document, as a caller would send and receive them.</summary>
public static class ApiExamples
{
    public const string PublishRequest = """{"id":"ord_1042","currency":"EUR","amount":129.5,"customer":{"email":"ada@example.com"}}""";

    public const string PublishResponse = """{"eventId":"evt_01JD4X8Q3M5V7N9R2T6W8Y0A1B","deliveries":2}""";

    public const string ListenerRequest = """
        {"hook":"order.paid","url":"https://erp.example.com/webhooks/orders","description":"Orders paid in euros, to the ERP",
         "enabled":true,"headers":[{"name":"X-Environment","value":"production"}],
         "filters":[{"field":"currency","operator":"Is","value":"EUR","not":false,"caseSensitive":true}]}
        """;

    public const string ListenerCreated = """
        {"id":"lst_01JD4X2K7B9C3D5E7F9G1H3J5K","hook":"order.paid","url":"https://erp.example.com/webhooks/orders",
         "description":"Orders paid in euros, to the ERP","enabled":true,"disabledReason":null,"disabledAt":null,
         "headers":[{"name":"X-Environment","value":"production"}],
         "filters":[{"field":"currency","operator":"Is","value":"EUR","not":false,"caseSensitive":true}],
         "secretHint":"whsec_••••••••Qx4=","previousSecretExpiresAt":null,"consecutiveFailures":0,
         "createdAt":"2026-11-21T09:30:00+00:00","updatedAt":"2026-11-21T09:30:00+00:00","version":1,"ownerAccountId":null,
         "secret":"whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD/Qx4="}
        """;

    public const string DeliveryPage = """
        {"items":[{"id":"dlv_01JD4X8Q3P2R4T6V8X0Z2B4D6F","eventId":"evt_01JD4X8Q3M5V7N9R2T6W8Y0A1B","hook":"order.paid",
          "listenerId":"lst_01JD4X2K7B9C3D5E7F9G1H3J5K","listenerUrl":"https://erp.example.com/webhooks/orders",
          "listenerDeleted":false,"ownerEmail":null,"status":"Failed","held":false,"attemptCount":10,"lastResponseStatus":503,
          "createdAt":"2026-11-20T08:00:00+00:00","lastAttemptAt":"2026-11-21T08:00:04+00:00","nextAttemptAt":"2026-11-21T08:00:04+00:00"}],
         "totalCount":1,"page":1,"pageSize":50}
        """;

    public const string BulkReplayRequest = """{"listenerId":"lst_01JD4X2K7B9C3D5E7F9G1H3J5K","status":"Failed","since":"2026-11-20T00:00:00Z"}""";

    public const string BulkReplayStarted = """{"jobId":"rpl_01JD4Y0A2C4E6G8J0L2N4Q6S8U","total":42,"queued":0,"completed":false}""";

    public const string BulkReplayDryRun = """{"jobId":null,"total":42,"queued":0,"completed":false}""";

    public const string HookRequest = """
        {"name":"invoice.sent","description":"An invoice was sent to a customer.","providedFields":["id","total","customer.email"],
         "samplePayload":{"id":"inv_7","total":99.9,"customer":{"email":"ada@example.com"}}}
        """;

    public const string FilterPreviewRequest = """
        {"hook":"order.paid","filters":[{"field":"currency","operator":"Is","value":"EUR"}],"payload":{"currency":"USD","amount":10}}
        """;

    public const string ApiKeyRequest = """{"name":"ERP integration","accountId":3}""";

    public const string AccountRequest = """
        {"email":"support@example.com","displayName":"Sam Support","role":"Support","password":"a-long-passphrase-2026","maySeeSecrets":false}
        """;

    public const string SourceRequest = """{"name":"stripe","description":"Payments from Stripe","scheme":"StandardWebhooks","hook":"order.paid","enabled":true}""";

    public const string IngestResponse = """{"eventId":"evt_01JD4Z1B3D5F7H9K1M3P5R7T9V","deliveries":1}""";
}
