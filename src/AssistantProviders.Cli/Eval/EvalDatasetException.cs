// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cli.Eval;

/// <summary>An eval dataset that cannot be read: the message names the file and line.</summary>
internal sealed class EvalDatasetException : Exception
{
    public EvalDatasetException(string message)
        : base(message)
    {
    }

    public EvalDatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvalDatasetException()
    {
    }
}
