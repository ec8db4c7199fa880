using System.Reflection;
using Spectre.Console.Cli;

namespace Descent.Cli.Infrastructure;

/// <summary>One command as the argument check sees it: its name, options and positional arguments.</summary>
public sealed class CommandSyntax
{
    private CommandSyntax(string name, Type settings)
    {
        Name = name;
        Options = OptionSyntax.Of(settings);
        Arguments = [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandArgumentAttribute>())
            .OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position)
            .Select(a => a.ValueName)];
        IsVariadic = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.PropertyType.IsArray && p.GetCustomAttribute<CommandArgumentAttribute>() is not null);
    }

    /// <summary>The command's name: <c>trajectory</c>.</summary>
    public string Name { get; }

    /// <summary>Its options.</summary>
    public IReadOnlyList<OptionSyntax> Options { get; }

    /// <summary>Whether its last positional argument takes any number of words (an array, as <c>sweep merge</c>'s folders).</summary>
    public bool IsVariadic { get; }

    /// <summary>The names of its positional arguments, in order (<c>list</c>'s <c>what</c>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The option called <paramref name="name"/> (<c>--steps</c>), or null.</summary>
    public OptionSyntax? Find(string name) => Options.FirstOrDefault(o => o.Names.Contains(name, StringComparer.Ordinal));

    /// <summary>The syntax of <typeparamref name="TCommand"/>, whose settings type is read from its <see cref="Command{TSettings}"/> base.</summary>
    public static CommandSyntax For<TCommand>(string name) where TCommand : class, ICommand
    {
        for (var type = typeof(TCommand); type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Command<>))
                return new CommandSyntax(name, type.GetGenericArguments()[0]);
        throw new ArgumentException($"{typeof(TCommand).Name} does not derive from Command<TSettings>.", nameof(TCommand));
    }
}
