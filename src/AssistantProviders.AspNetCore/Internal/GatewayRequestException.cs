// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal;

/// <summary>A request the gateway refuses before it reaches a router: the status, OpenAI's error type and code, and the field.</summary>
internal sealed class GatewayRequestException : Exception
{
    public GatewayRequestException()
    {
    }

    public GatewayRequestException(string message)
        : base(message)
    {
    }

    public GatewayRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GatewayRequestException(string message, string? param, string? code = null, int status = 400, string type = GatewayError.InvalidRequest)
        : base(message)
    {
        Param = param;
        Code = code;
        Status = status;
        Type = type;
    }

    public string? Param { get; }

    public string? Code { get; }

    public int Status { get; } = 400;

    public string Type { get; } = GatewayError.InvalidRequest;
}
