using BenchmarkDotNet.Running;
using WGEC.Drafting.Benchmarks;

// dotnet run -c Release --project tests/WGEC.Drafting.Benchmarks -- --filter '*' [--job short | --job dry]
// (the server also declares a top-level Program, hence a benchmark type to name this assembly)
BenchmarkSwitcher.FromAssembly(typeof(RenderingBenchmarks).Assembly).Run(args);
