using Descent.Training;
using Descent.Lab.Recipes;
using Descent.Lab.Training;
using Descent.Specs;

namespace Descent.Lab.Tests.Training;

public class TrainingRecipeTests
{
    public static TheoryData<string> Names => ["lecture-history", "adam-paper", "schedules-mnist", "beyond-the-lecture-mnist"];

    [Theory]
    [MemberData(nameof(Names))]
    public void RecipeCatalog_TrainingRecipe_IsRegisteredAndValid(string name)
    {
        var recipe = RecipeCatalog.Find<TrainingRecipe>(name);

        Assert.Equal("training", recipe.Experiment);
        Assert.NotEmpty(recipe.Figures);
        Assert.Equal(recipe.Figures.Count, recipe.Figures.Select(f => f.Name).Distinct().Count());
        foreach (var figure in recipe.Figures)
        {
            Assert.Matches("^[a-z0-9-]+$", figure.Name);
            Assert.False(string.IsNullOrWhiteSpace(figure.Caption));
            Assert.DoesNotContain("TODO", figure.Caption);
            TrainingExperiment.Validate(figure.Config);
            Assert.Equal("mnist", figure.Config.Dataset);
            Assert.Equal(128, figure.Config.BatchSize);
        }
    }

    [Fact]
    public void LectureHistory_HasTheLecturesOptimizersOnAnMlp()
    {
        var figure = Assert.Single(RecipeCatalog.Find<TrainingRecipe>("lecture-history").Figures);

        Assert.Equal("mlp", figure.Config.Model);
        var names = figure.Config.Optimizers.Select(s => OptimizerSpec.Parse(s).Name).ToList();
        Assert.Equal(["momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam"], names);
    }

    [Fact]
    public void AdamPaper_FiguresOneAndTwo_AsKingmaAndBa()
    {
        var recipe = RecipeCatalog.Find<TrainingRecipe>("adam-paper");

        Assert.Equal(["adam-paper-logreg", "adam-paper-mlp"], recipe.Figures.Select(f => f.Name));
        Assert.Equal("logreg", recipe.Figures[0].Config.Model);
        Assert.Equal("mlp", recipe.Figures[1].Config.Model);
        Assert.Equal([1000, 1000], recipe.Figures[1].Config.Hidden);
        foreach (var figure in recipe.Figures)
        {
            var adam = (Descent.Optimizers.AdamOptions)OptimizerCatalog.Resolve(figure.Config.Optimizers[0], figure.Config.Convention);
            Assert.Equal((0.001, 0.9, 0.999), (adam.LearningRate, adam.Beta1, adam.Beta2));
            var names = figure.Config.Optimizers.Select(s => OptimizerSpec.Parse(s).Name).ToList();
            Assert.Equal(["adam", "adagrad", "rmsprop", "sgd", "adadelta"], names);
            var nesterov = (Descent.Optimizers.SgdOptions)OptimizerCatalog.Resolve(figure.Config.Optimizers[3], figure.Config.Convention);
            Assert.True(nesterov.Nesterov);
        }
    }

    [Fact]
    public void TrainingRecipe_With_ReplacesEpochsAndSeedOnly()
    {
        var recipe = RecipeCatalog.Find<TrainingRecipe>("adam-paper");

        var shorter = recipe.With(epochs: 1, seed: 5);

        Assert.All(shorter.Figures, f => Assert.Equal((1, 5UL), (f.Config.Epochs, f.Config.Seed)));
        Assert.Equal(recipe.Figures.Select(f => f.Config.Optimizers), shorter.Figures.Select(f => f.Config.Optimizers));
        Assert.Equal(recipe.Figures.Select(f => f.Config.Epochs), recipe.With().Figures.Select(f => f.Config.Epochs));
    }

    [Fact]
    public void RecipeCatalog_TrainingRecipeAsResponse_ErrorSaysItsKind()
    {
        var e = Assert.Throws<LabInputException>(() => RecipeCatalog.Find<ResponseRecipe>("adam-paper"));

        Assert.Equal("recipe", e.Argument);
        Assert.Contains("training recipe", e.Message);
    }
}

/// <summary>The recipes' captions state facts about their results; these runs check the facts still hold.</summary>
public class TrainingRecipeCaptionTests
{
    private static double LastEpochLoss(TrainingHistory h) => h.Iterations.Where(i => i.Epoch == h.Epochs[^1].Epoch).Average(i => i.TrainLoss);

    [Fact]
    public void LectureHistory_Results_MatchItsCaption()
    {
        var result = TrainingExperiment.Run(RecipeCatalog.Find<TrainingRecipe>("lecture-history").Figures[0].Config);
        var h = result.Histories.ToDictionary(x => OptimizerSpec.Parse(x.Optimizer).Name);

        Assert.All(h.Values, x => Assert.False(x.Diverged));
        var final = h.Values.Select(x => x.FinalTestAccuracy).ToList();
        Assert.True(final.Max() - final.Min() <= 0.013, $"spread {final.Max() - final.Min():P2}");
        Assert.Equal("adadelta", h.MaxBy(x => x.Value.FinalTestAccuracy).Key);
        Assert.Equal("adagrad", h.MinBy(x => x.Value.FinalTestAccuracy).Key);
        Assert.InRange(h["adam"].FinalTestAccuracy, 0.965, 0.975);
        foreach (string rule in new[] { "momentum", "nesterov" })
        {
            Assert.True(h[rule].Epochs[2].TestAccuracy > h["adam"].Epochs[2].TestAccuracy);
            Assert.InRange(LastEpochLoss(h[rule]) / LastEpochLoss(h["adam"]), 0.8, 1.25);
        }
        Assert.True(h["adagrad"].Iterations[1].TrainLoss > 50);
        Assert.True(h["rmsprop"].Iterations[1].TrainLoss > 5);
        foreach (string rule in new[] { "rmsprop", "adadelta" })
            Assert.True(h[rule].Epochs[6].TestAccuracy - h[rule].Epochs[7].TestAccuracy > 0.025);
    }

    [Fact]
    public void AdamPaperMlp_Results_MatchItsCaption()
    {
        var result = TrainingExperiment.Run(RecipeCatalog.Find<TrainingRecipe>("adam-paper").Figure("adam-paper-mlp").Config);
        var h = result.Histories.ToDictionary(x => OptimizerSpec.Parse(x.Optimizer).Name);

        // Mean batch loss over the 5th epoch, as the caption rounds it.
        Assert.Equal(0.012, Math.Round(LastEpochLoss(h["adam"]), 3));
        Assert.Equal(0.019, Math.Round(LastEpochLoss(h["adagrad"]), 3));
        Assert.Equal(0.015, Math.Round(LastEpochLoss(h["sgd"]), 3));
        Assert.Equal(0.007, Math.Round(LastEpochLoss(h["adadelta"]), 3));
        Assert.Equal(0.034, Math.Round(LastEpochLoss(h["rmsprop"]), 3));
        var rmsprop = h["rmsprop"];
        Assert.Equal(0.71, Math.Round(rmsprop.Iterations.Where(i => i.Epoch >= 2).Max(i => i.TrainLoss), 2));
        Assert.Equal((0.956, 0.946), (Math.Round(rmsprop.Epochs[2].TestAccuracy, 3), Math.Round(rmsprop.Epochs[3].TestAccuracy, 3)));
        Assert.Equal((0.961, 0.971), (Math.Round(result.Histories.Min(x => x.FinalTestAccuracy), 3), Math.Round(result.Histories.Max(x => x.FinalTestAccuracy), 3)));
    }

    [Fact]
    public void AdamPaperLogisticRegression_Results_MatchItsCaption()
    {
        var result = TrainingExperiment.Run(RecipeCatalog.Find<TrainingRecipe>("adam-paper").Figure("adam-paper-logreg").Config);
        var adam = result.Histories[0];
        var others = result.Histories.Skip(1).ToList();

        Assert.All(others, o => Assert.True(adam.FinalTestAccuracy > o.FinalTestAccuracy, o.Optimizer));
        Assert.All(others, o => Assert.True(adam.FinalTestLoss < o.FinalTestLoss, o.Optimizer));
        Assert.All(others, o => Assert.True(LastEpochLoss(adam) > LastEpochLoss(o), o.Optimizer));
    }
}
