namespace WebhookPortal.Bench;

/// <summary>One named measurement that <c>Program</c> can run; add a class and list it in <see cref="Program"/>.</summary>
internal interface IBenchmark
{
    /// <summary>The command-line name: <c>matching</c>.</summary>
    string Name { get; }

    /// <summary>One line for the list printed when no benchmark is named.</summary>
    string Description { get; }

    void Run(TextWriter output);
}
