using WebhookPortal.Web;

if (BackupCommand.Matches(args))
{
    return await BackupCommand.RunAsync(args, Console.Out, Console.Error);
}

var app = PortalHost.CreateApp(args);
return await PortalHost.RunAsync(app);

public partial class Program;
