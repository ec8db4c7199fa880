using Descent.Lab.Response;

namespace Descent.Lab.Tests.Response;

public class ResponseCsvTests
{
    [Fact]
    public void ResponseCsv_SpecWithCommas_QuotedOneRowPerOptimizerPerStep()
    {
        var result = ResponseExperiment.Run(new ResponseConfig
        {
            Signal = "rectangles",
            Optimizers = ["momentum(lr=0.25, momentum=0.9)", "momentum"],
            Convention = Convention.Lecture,
            Steps = 2,
        });

        string[] lines = ResponseCsv.ToText(result).Split('\n');

        // v1 = 0.25·1; v2 = 0.9·0.25 + 0.25·1 = 0.475 (default momentum 0.9, lr 0.25 in the lecture convention).
        Assert.Equal(
        [
            "optimizer,step,gradient,update",
            "\"momentum(lr=0.25, momentum=0.9)\",1,1,0.25",
            $"\"momentum(lr=0.25, momentum=0.9)\",2,1,{0.9 * 0.25 + 0.25:R}",
            "momentum,1,1,0.25",
            $"momentum,2,1,{0.9 * 0.25 + 0.25:R}",
            "",
        ], lines);
    }

    [Fact]
    public void ResponseCsv_Header_IsTheContracts() =>
        Assert.Equal("optimizer,step,gradient,update", string.Join(',', ResponseCsv.Header));
}
