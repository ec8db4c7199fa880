namespace Descent.Lab;

/// <summary>Bad input to an experiment: a one-line message for the user that says what is wrong and what is valid.</summary>
public sealed class LabInputException(string message) : Exception(message);
