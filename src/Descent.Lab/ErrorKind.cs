namespace Descent.Lab;

/// <summary>What a failure is, which decides how a front end answers it (exit code, HTTP status).</summary>
public enum ErrorKind
{
    /// <summary>The input is at fault: the message says what to change (the CLI's exit code 2, the API's 400).</summary>
    BadInput,

    /// <summary>The machine or the program is at fault (a full disk, a bug): the CLI's exit code 1, the API's 500.</summary>
    Fault,

    /// <summary>The run was stopped (Ctrl-C, a client that left): the CLI's exit code 130; the API answers no one.</summary>
    Cancelled,
}
