using BenchmarkDotNet.Running;
using Descent.Benchmarks;

// Run all: dotnet run -c Release --project benchmarks/Descent.Benchmarks -- --filter '*'
// Epoch timings (not BenchmarkDotNet): ... -- epoch cnn | layers cnn | mnist cnn (see TrainingTimer).
if (args.Length > 0 && TrainingTimer.Commands.Contains(args[0])) return TrainingTimer.Run(args);
// GEMM GFLOP/s on the MLP products: ... -- gemm [threads] [repeats] [rows|columns] (see GemmTimer).
if (args.Length > 0 && args[0] == "gemm") return GemmTimer.Run(args);
// A Muon step on an n×n matrix beside 5 GEMMs of that size: ... -- muon [n] [repeats] [threads] (see MuonTimer).
if (args.Length > 0 && args[0] == "muon") return MuonTimer.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
