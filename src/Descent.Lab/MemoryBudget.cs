using System.Globalization;

namespace Descent.Lab;

/// <summary>
/// The memory an experiment may ask for, checked before it allocates: at most <see cref="Fraction"/> of the memory
/// .NET may use (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's memory, or a container's
/// limit) less what the process already holds. Past it, a run would die with "Out of memory" after minutes of
/// allocation and paging; refused here it is one line naming the input to change.
/// </summary>
public static class MemoryBudget
{
    /// <summary>The share of the available memory one run may take; the rest is for the runtime, the data and the system.</summary>
    public const double Fraction = 0.8;

    /// <summary>The memory .NET may use in all, in bytes.</summary>
    public static long AvailableBytes
    {
        get
        {
            long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            // Before the first collection some runtimes report 0; one cheap collection of generation 0 fills it in.
            if (total <= 0)
            {
                GC.Collect(0);
                total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            }
            return total;
        }
    }

    /// <summary>The bytes a run may still allocate: <see cref="Fraction"/> of <see cref="AvailableBytes"/> less the managed heap in use.</summary>
    public static long LimitBytes => Math.Max(0, (long)(AvailableBytes * Fraction) - GC.GetTotalMemory(false));

    /// <summary>
    /// Refuses <paramref name="bytes"/> above <see cref="LimitBytes"/> with a <see cref="LabInputException"/> on
    /// <paramref name="argument"/>: "<paramref name="what"/> needs about 6.6 GB; the limit is … : <paramref name="remedy"/>."
    /// </summary>
    /// <exception cref="LabInputException">The run needs more than the limit.</exception>
    public static void Check(string argument, long bytes, string what, string remedy)
    {
        long limit = LimitBytes;
        if (bytes <= limit) return;
        throw new LabInputException(argument,
            $"{what} needs about {Format(bytes)}; the limit is {Format(limit)} ({Fraction * 100:0}% of the {Format(AvailableBytes)} available to .NET, less what is in use): {remedy}.");
    }

    /// <summary>Bytes as a short text: <c>6.6 GB</c>, <c>310 MB</c>.</summary>
    public static string Format(long bytes) =>
        bytes >= 1e12 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e12:#,0.#} TB")
        : bytes >= 1e9 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.#} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(bytes / 1e6):0} MB");
}
