using System.Text.Json;

namespace Descent.Web.Api;

/// <summary>A request body the API reads strictly (<see cref="RequestObject"/>), field by field with the field named in every error.</summary>
/// <typeparam name="TSelf">The request type.</typeparam>
public interface IApiRequest<TSelf> where TSelf : IApiRequest<TSelf>
{
    /// <summary>The request in <paramref name="body"/>, the root of a parsed document.</summary>
    /// <exception cref="ApiRequestException">400: not an object, an unknown or repeated field, a value of the wrong type.</exception>
    static abstract TSelf Read(JsonElement body);
}
