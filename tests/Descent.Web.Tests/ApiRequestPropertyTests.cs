using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Descent.Web.Api;

namespace Descent.Web.Tests;

/// <summary>
/// Any body the API's request reader is given either becomes a request the endpoint accepts, or is refused with
/// the documented answer: 400 (or 413 over <see cref="RequestJson.MaxBodyBytes"/>) and one short line that names
/// the field at fault. Never another exception (a 500), never more than <see cref="CaseBudget"/> per case, never
/// more than <see cref="MaxAllocatedPerCase"/> allocated per case. The reader is driven in-process for speed, then
/// a few cases go through the real server. A long run: <c>CsCheck_Iter=1000000 dotnet test … --filter ApiRequestPropertyTests</c>.
/// </summary>
public sealed class ApiRequestPropertyTests
{
    private static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(2);

    // The body is at most 64 KiB; its parsed document, the request and an error take a small multiple of that.
    private const long MaxAllocatedPerCase = 8L * 1024 * 1024;

    private static readonly ApiLimits Limits = new();

    // CI's count, unless a long run asks for its own through CsCheck_Iter (CsCheck_Time and CsCheck_Seed apply anyway).
    private static long Iter(long ci) => Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? ci : -1;

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", " ", "\\", "\"function\"", "\"optimizers\"", "\"start\"", "\"x\"", "\"y\"",
        "\"steps\"", "\"convention\"", "\"grid\"", "\"signal\"", "\"interpolation\"", "null", "true", "1", "-0.5", "1e309",
        "2147483648", "125.0", "\"NaN\"", "\"adam\"", "\"quadratic\"", "\"rectangles\"", "\"lasagne\"", "\"x^2+y\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\n\"", "\"é\"", "0x10", "'a'", "//", "NaN",
        "\"spec\"", "\"optimizer\"", "\"losses\"", "\"adam(lr=0.1, schedule=plateau)\"", "\"sgd(schedule=cosine(t_max=\"", "\"Infinity\"",
    ];

    /// <summary>Text made of JSON's tokens and the API's field names, mostly not JSON.</summary>
    private static readonly Gen<string> JsonIsh = Gen.OneOf(Tokens).Array[0, 40].Select(string.Concat);

    /// <summary>Raw bytes, mostly not UTF-8.</summary>
    private static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 200];

    [Fact]
    public void Read_JsonIshText_AcceptedOrRefusedAsDocumented()
    {
        JsonIsh.Sample(body =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(body);
            Answer<TrajectoryRequest>(utf8, r => TrajectoryEndpoint.ToConfig(r, Limits));
            Answer<ResponseRequest>(utf8, r => ResponseEndpoint.ToConfig(r, Limits));
            Answer<LandscapeRequest>(utf8, r => FunctionResolver.Resolve(RequestFields.Function(r.Function, Limits)));
            Answer<SpecRequest>(utf8, r => SpecEndpoint.Run(r, Limits, CancellationToken.None));
            Answer<ScheduleRequest>(utf8, r => ScheduleEndpoint.Run(r, Limits, CancellationToken.None));
        }, iter: Iter(1500));
    }

    [Fact]
    public void Read_RandomBytes_AcceptedOrRefusedAsDocumented()
    {
        Bytes.Sample(body => Answer<TrajectoryRequest>(body, r => TrajectoryEndpoint.ToConfig(r, Limits)), iter: Iter(3000));
    }

    [Fact]
    public void Read_ValidTrajectoryRequest_ReadsBackEveryFieldAndIsAccepted()
    {
        ValidTrajectory.Sample(fields =>
        {
            var request = RequestJson.Parse<TrajectoryRequest>(Encoding.UTF8.GetBytes(Render(fields)));
            var config = TrajectoryEndpoint.ToConfig(request, Limits);

            Assert.Equal(Unquote(fields, "function"), config.Function);
            Assert.Equal(fields.Single(f => f.Key == "optimizers").Json, JsonSerializer.Serialize(request.Optimizers));
            Assert.Equal(Unquote(fields, "convention"), Descent.Specs.OptimizerCatalog.Name(config.Convention));
            var start = fields.Single(f => f.Key == "start").Nested!;
            Assert.Equal(double.Parse(start.Single(f => f.Key == "x").Json, CultureInfo.InvariantCulture), config.Start!.Value.X);
            Assert.Equal(double.Parse(start.Single(f => f.Key == "y").Json, CultureInfo.InvariantCulture), config.Start!.Value.Y);
            Assert.Equal(int.Parse(fields.Single(f => f.Key == "steps").Json, CultureInfo.InvariantCulture), config.Steps);
        }, iter: Iter(500));
    }

    [Fact]
    public void Read_TrajectoryRequestWithOneMutation_NamesTheMutatedField()
    {
        var gen = Gen.Select(ValidTrajectory, Gen.Int[0, 5], Gen.Int[0, 100], ValueJson, Gen.Int[0, 70_000]);
        gen.Sample((fields, kind, which, value, hugeLength) =>
        {
            var (mutated, expect) = Mutate(fields, kind, which, value, hugeLength);
            string body = Render(mutated);
            var outcome = Answer<TrajectoryRequest>(Encoding.UTF8.GetBytes(body), r => TrajectoryEndpoint.ToConfig(r, Limits));
            expect(outcome);
        }, iter: Iter(1000));
    }

    [Fact]
    public async Task Server_MutatedLandscapeRequests_AnswerDocumentedStatusesWithoutTraces()
    {
        await using var server = await ApiServer.StartAsync();
        var gen = Gen.Select(Gen.OneOf("quadratic", "x^2 + 3*y^2", "hills-and-canyon", "sin(x"), Gen.Int[0, 400], JsonIsh, Gen.Int[0, 3]);

        await gen.SampleAsync(async (function, grid, noise, kind) =>
        {
            string body = kind switch
            {
                0 => $$"""{"function":{{JsonSerializer.Serialize(function)}},"grid":{{grid}}}""",
                1 => $$"""{"function":{{JsonSerializer.Serialize(function)}},"grid":{{grid}},"grid":{{grid}}}""",
                2 => $$"""{"function":{{JsonSerializer.Serialize(function)}},"grid":{{noise}}}""",
                _ => noise,
            };
            var watch = Stopwatch.StartNew();
            var answer = await server.PostAsync("/api/landscape", body);
            string text = await answer.Content.ReadAsStringAsync();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed} for {body}");
            Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
            if (answer.StatusCode == HttpStatusCode.OK) return;
            var error = JsonSerializer.Deserialize<ApiErrorBody>(text, JsonEndpoint.Options)!.Error;
            AssertOneLine(error);
            Assert.DoesNotContain("   at ", text);
            if (kind == 1) Assert.Equal("grid", error.Field);
        }, iter: Iter(40), threads: 1);
    }

    [Fact]
    public async Task Server_HugeConvention_Answers413WithoutEchoingIt()
    {
        await using var server = await ApiServer.StartAsync();
        string body = $$"""{"function":"quadratic","optimizers":["adam"],"convention":"{{new string('k', 29_000_000)}}"}""";

        var answer = await server.PostAsync("/api/trajectory", body);
        string text = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.True(text.Length < 1000, $"{text.Length} characters answered");
        Assert.Contains("64 KiB", text);
    }

    // ---------- the answer ----------

    /// <summary>What reading a body (and the endpoint's checks) came to.</summary>
    private sealed record Outcome(object? Request, int Status, ApiError? Error);

    private static Outcome Answer<T>(byte[] body, Action<T> check) where T : IApiRequest<T>
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            var request = RequestJson.Parse<T>(body);
            check(request);
            outcome = new Outcome(request, 200, null);
        }
        catch (Exception e)
        {
            var error = ApiErrors.Describe(e);
            Assert.True(error is not null, $"Not a documented refusal (a 500): {e}");
            int status = e is ApiRequestException r ? r.Status : 400;
            Assert.Contains(status, new[] { 400, 413 });
            AssertOneLine(error);
            outcome = new Outcome(null, status, error);
        }
        watch.Stop();
        Assert.True(watch.Elapsed < CaseBudget, $"{watch.Elapsed.TotalMilliseconds:0} ms for a {body.Length}-byte body");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedPerCase, $"{allocated} bytes allocated for a {body.Length}-byte body");
        return outcome;
    }

    private static void AssertOneLine(ApiError error)
    {
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.True(error.Message.Length <= ApiErrors.MaxMessageLength + 1, $"{error.Message.Length} characters: {ApiErrors.Prefix(error.Message, 80)}…");
        Assert.DoesNotContain("System.", error.Message);
        Assert.DoesNotContain("Nullable", error.Message);
        if (error.Field is not null) Assert.StartsWith(error.Field + ": ", error.Message);
    }

    // ---------- valid requests and their mutations ----------

    /// <summary>A field of a body as written: its key and its JSON, or the fields of a nested object.</summary>
    private sealed record Field(string Key, string Json, IReadOnlyList<Field>? Nested = null);

    private static readonly Gen<string> Number = Gen.Double[-3, 3].Select(d => d.ToString("R", CultureInfo.InvariantCulture));

    private static readonly Gen<List<Field>> ValidTrajectory = Gen.Select(
        Gen.OneOf("hills-and-canyon", "quadratic", "x^2 + 3*y^2", "sin(x) * y^2", "rosenbrock"),
        Gen.OneOf("adam(lr=0.25)", "sgd", "rmsprop(lr=0.01)", "nesterov(lr=0.01, momentum=0.9)", "adagrad").Array[1, 4],
        Gen.OneOf("pytorch", "lasagne", "lecture"),
        Number, Number, Gen.Int[1, 500],
        (function, optimizers, convention, x, y, steps) => new List<Field>
        {
            new("function", JsonSerializer.Serialize(function)),
            new("optimizers", JsonSerializer.Serialize(optimizers)),
            new("convention", JsonSerializer.Serialize(convention)),
            new("start", "", [new("x", x), new("y", y)]),
            new("steps", steps.ToString(CultureInfo.InvariantCulture)),
        });

    /// <summary>A value of any JSON type, some of them the right one for some field.</summary>
    private static readonly Gen<string> ValueJson = Gen.OneOf(
        Gen.OneOf("null", "true", "false", "0", "-1", "2.5", "1e309", "2147483648", "125.0", "[]", "{}", "[\"adam\"]",
            "\"NaN\"", "\"\\u0001\\n\"", "{\"x\":1}", "{\"x\":1,\"y\":2,\"z\":3}", "[[[[[[[[[1]]]]]]]]]"),
        Gen.String[0, 60].Select(s => JsonSerializer.Serialize(s)));

    private static string Render(IEnumerable<Field> fields) =>
        "{" + string.Join(",", fields.Select(f => JsonSerializer.Serialize(f.Key) + ":" + (f.Nested is null ? f.Json : Render(f.Nested)))) + "}";

    private static string Unquote(IEnumerable<Field> fields, string key) => JsonSerializer.Deserialize<string>(fields.Single(f => f.Key == key).Json)!;

    // Applies mutation `kind` to the field `which` picks (start's x and y count as fields) and says what must follow.
    private static (List<Field> Body, Action<Outcome> Expect) Mutate(List<Field> fields, int kind, int which, string value, int hugeLength)
    {
        var paths = fields.SelectMany(f => f.Nested is null ? [(f.Key, (string?)null)] : new[] { (f.Key, (string?)null), (f.Key, "x"), (f.Key, "y") }).ToList();
        var (top, inner) = paths[which % paths.Count];
        string path = inner is null ? top : $"{top}.{inner}";
        string? argument = top == "optimizers" ? "optimizer" : top;

        List<Field> Edit(Func<List<Field>, List<Field>> edit) => inner is null
            ? edit([.. fields])
            : [.. fields.Select(f => f.Key == top ? f with { Nested = edit([.. f.Nested!]) } : f)];
        string key = inner ?? top;

        switch (kind)
        {
            case 0: // removed: a top-level field has a default, x and y do not
                return (Edit(l => [.. l.Where(f => f.Key != key)]), o =>
                {
                    // Without a function or optimizers there is nothing to run: the Lab's message for it.
                    if (key is "function" or "optimizers") Assert.Equal((400, argument), (o.Status, o.Error!.Argument));
                    else if (inner is null) Assert.Equal(200, o.Status);
                    else Assert.Equal((400, path, argument), (o.Status, o.Error!.Field, o.Error.Argument));
                });
            case 1: // given twice
                return (Edit(l => [.. l, l.Single(f => f.Key == key)]), o =>
                {
                    Assert.Equal((400, path, argument), (o.Status, o.Error!.Field, o.Error.Argument));
                    Assert.Contains("given twice", o.Error.Message);
                });
            case 2: // an unknown field beside it
                string unknown = key + "s";
                return (Edit(l => [.. l, new Field(unknown, value)]), o =>
                {
                    string unknownPath = inner is null ? unknown : $"{top}.{unknown}";
                    Assert.Equal((400, unknownPath, inner is null ? null : argument), (o.Status, o.Error!.Field, o.Error.Argument));
                    Assert.Contains("unknown field", o.Error.Message);
                });
            case 3: // a value of another type, or a huge string
            case 4:
                string json = kind == 3 ? value : JsonSerializer.Serialize(new string('k', hugeLength));
                return (Edit(l => [.. l.Select(f => f.Key == key ? new Field(key, json) : f)]), o =>
                {
                    if (o.Status == 413) Assert.True(hugeLength > RequestJson.MaxBodyBytes - 200, $"413 for a {hugeLength}-character value");
                    if (o.Error is { Field: { } field })
                        Assert.True(field == path || field.StartsWith(path + ".", StringComparison.Ordinal) || field.StartsWith(path + "[", StringComparison.Ordinal),
                            $"{field} named for a mutated {path}");
                    else if (o.Error is not null && o.Status == 400) Assert.Equal(argument, o.Error.Argument);
                });
            default: // as generated
                return (fields, o => Assert.Equal(200, o.Status));
        }
    }
}
