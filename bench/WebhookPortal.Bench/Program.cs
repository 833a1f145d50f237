using WebhookPortal.Bench;

// Every benchmark, by name; a new one is a class and a line here.
IBenchmark[] benchmarks =
[
    new MatchingBenchmark(),
    new ListenersBenchmark(),
    new PublishBenchmark(),
    new DeliveryBenchmark(),
    new StorageFloorBenchmark(),
    new LogBenchmark(),
    new LoadBenchmark(),
];

var chosen = args.Length == 0 ? null : benchmarks.FirstOrDefault(b => b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    if (args.Length > 0)
    {
        Console.Error.WriteLine($"There is no benchmark named '{args[0]}'.");
    }

    Console.WriteLine("Usage: dotnet run -c Release --project bench/WebhookPortal.Bench -- <benchmark>");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

#if DEBUG
Console.WriteLine("Warning: a Debug build; figures are only meaningful with -c Release.");
#endif
chosen.Run(Console.Out);
return 0;
