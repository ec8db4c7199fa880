using Descent;
using Descent.Optimizers;
using Descent.Schedules;

// Your own model: a linear regression with 8 weights and a bias, in one flat buffer [w0 … w7, b].
const int Features = 8, Samples = 256, Steps = 200;
var random = new Random(1);
var x = new float[Samples * Features];
var y = new float[Samples];
for (int s = 0; s < Samples; s++)
{
    y[s] = 0.5f + 0.1f * (float)(random.NextDouble() - 0.5);
    for (int f = 0; f < Features; f++)
    {
        x[s * Features + f] = (float)(random.NextDouble() * 2 - 1);
        y[s] += (f - 3.5f) * x[s * Features + f];
    }
}
float[] parameters = new float[Features + 1], gradients = new float[Features + 1];

// Your own loss and gradient: the mean squared error, differentiated by hand.
double LossAndGradient()
{
    Array.Clear(gradients);
    double loss = 0;
    for (int s = 0; s < Samples; s++)
    {
        float error = parameters[Features] - y[s];
        for (int f = 0; f < Features; f++) error += parameters[f] * x[s * Features + f];
        loss += (double)error * error / Samples;
        for (int f = 0; f < Features; f++) gradients[f] += 2 * error * x[s * Features + f] / Samples;
        gradients[Features] += 2 * error / Samples;
    }
    return loss;
}

// Adam on a cosine schedule with the gradient's norm clipped at 1, in two parameter groups:
// the weights with decoupled weight decay, the bias without.
AdamOptions Options(double weightDecay) => new()
{
    LearningRate = 0.1,
    Schedule = new CosineSchedule { TMax = Steps, EtaMin = 0.001 },
    ClipNorm = 1.0,
    WeightDecay = weightDecay,
    DecoupledWeightDecay = true,
};
ParameterGroup<AdamOptions>[] groups = [new(0, Features, Options(1e-4)), new(Features, 1, Options(0))];
var adam = new Adam<float>(parameters.Length, groups);

double first = LossAndGradient(), loss = first;
for (int step = 1; step <= Steps; step++)
{
    if (step == Steps / 2 + 1)
    {
        // Save the optimizer's state (moments, step count, the schedule's place) and resume it in a new
        // optimizer, as a program restarted from a checkpoint would: the run goes on bit for bit.
        string checkpoint = Path.Combine(Path.GetTempPath(), $"adam-{Environment.ProcessId}.state");
        using (var file = File.Create(checkpoint)) adam.SaveState(file);
        adam = new Adam<float>(parameters.Length, groups);
        using (var file = File.OpenRead(checkpoint)) adam.LoadState(file);
        File.Delete(checkpoint);
        Console.WriteLine($"step {step - 1,3}: saved and resumed the optimizer state");
    }
    adam.Step(parameters, gradients);
    loss = LossAndGradient();
    if (step % 25 == 0) Console.WriteLine($"step {step,3}: loss {loss:F6}  lr {adam.CurrentLearningRate(0):F4}");
}

Console.WriteLine($"loss went down from {first:F4} to {loss:F6}");
return loss < first / 100 ? 0 : 1;
