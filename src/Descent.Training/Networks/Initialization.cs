namespace Descent.Training.Networks;

/// <summary>How a layer draws its initial weights (biases start at zero).</summary>
public enum Initialization
{
    /// <summary>He/Kaiming uniform: U(±√(6/fan_in)), for layers followed by ReLU (He et al. 2015).</summary>
    He,

    /// <summary>Glorot/Xavier uniform: U(±√(6/(fan_in+fan_out))), for linear, tanh and softmax outputs (Glorot &amp; Bengio 2010).</summary>
    Glorot,
}

internal static class InitializationExtensions
{
    public static float Limit(this Initialization init, int fanIn, int fanOut) => init switch
    {
        Initialization.He => MathF.Sqrt(6f / fanIn),
        _ => MathF.Sqrt(6f / (fanIn + fanOut)),
    };
}
