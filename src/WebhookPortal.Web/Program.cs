using WebhookPortal.Web;

var app = PortalHost.CreateApp(args);
return await PortalHost.RunAsync(app);

public partial class Program;
