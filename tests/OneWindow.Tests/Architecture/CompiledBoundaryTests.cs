using NetArchTest.Rules;

namespace OneWindow.Tests.Architecture;

/// <summary>
/// Rule 2 on the compiled assembly (NetArchTest reads the IL, so member access and inferred types count, not only
/// `using` lines): a module depends on another module only through its Contracts, and the platform kernel (its
/// command-line verbs included) on no module's internals.
/// </summary>
public sealed class CompiledBoundaryTests
{
    private static readonly string[] Layers = ["Domain", "Data", "Features", "Pages"];

    private static IReadOnlyList<string> Modules() =>
        [.. typeof(Program).Assembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("OneWindow.Modules.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct().Order()];

    private static string[] InternalsOf(IEnumerable<string> modules) =>
        [.. modules.SelectMany(m => Layers.Select(l => $"OneWindow.Modules.{m}.{l}"))];

    private static string Describe(TestResult result) => string.Join("\n", result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}"));

    public static TheoryData<string> ModuleNames() => [.. Modules()];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_no_other_modules_internal_types(string module)
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace($"OneWindow.Modules.{module}")
            .ShouldNot().HaveDependencyOnAny(InternalsOf(Modules().Where(m => m != module))).GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void The_check_sees_a_use_that_no_using_line_shows()
    {
        // BoundaryProbe below names Intake's Case only inside a method body, through a pattern: no `using` line.
        var result = Types.InAssembly(typeof(CompiledBoundaryTests).Assembly).That().HaveName(nameof(BoundaryProbe))
            .ShouldNot().HaveDependencyOnAny("OneWindow.Modules.Intake.Domain").GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_platform_and_its_verbs_use_no_modules_internal_types()
    {
        var result = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespace("OneWindow.Platform")
            .ShouldNot().HaveDependencyOnAny(InternalsOf(Modules())).GetResult();
        Assert.True(result.IsSuccessful, Describe(result));
    }

    /// <summary>What other modules can see of a Contracts type: public members' types, generic arguments included.</summary>
    private static IEnumerable<Type> Surface(Type type)
    {
        const System.Reflection.BindingFlags Visible = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance
                                                       | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        var types = new List<Type>();
        if (type.BaseType is { } b)
        {
            types.Add(b);
        }

        types.AddRange(type.GetInterfaces());
        types.AddRange(type.GetProperties(Visible).Select(p => p.PropertyType));
        types.AddRange(type.GetFields(Visible).Select(f => f.FieldType));
        // Constructors are left out: a service's constructor takes what dependency injection gives it, never another module.
        foreach (var m in type.GetMethods(Visible))
        {
            types.AddRange(m.GetParameters().Select(p => p.ParameterType));
            types.Add(m.ReturnType);
        }

        return types.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType)
        {
            return Unwrap(t.GetElementType()!);
        }

        return t.IsGenericType ? [t, .. t.GetGenericArguments().SelectMany(Unwrap)] : [t];
    }

    [Fact]
    public void Domain_data_features_and_pages_are_internal()
    {
        // Public would let any assembly (and any module, were the assembly ever split) reach them; the tests see them
        // through InternalsVisibleTo.
        var internals = InternalsOf(Modules());
        var failing = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace is { } n && internals.Any(i => n == i || n.StartsWith(i + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName).Order().ToList();
        Assert.True(failing.Count == 0, "public: " + string.Join("\n", failing));
    }

    [Fact]
    public void Contracts_show_no_domain_data_or_feature_types()
    {
        var internals = InternalsOf(Modules());
        var failing = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Namespace is { } n && n.StartsWith("OneWindow.Modules.", StringComparison.Ordinal) && n.EndsWith(".Contracts", StringComparison.Ordinal))
            .SelectMany(t => Surface(t).Where(s => s.Namespace is { } ns && internals.Contains(ns)).Select(s => $"{t.FullName} shows {s.FullName}"))
            .Distinct().Order().ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }
}

internal static class BoundaryProbe
{
    public static int Probe(object o) => o is OneWindow.Modules.Intake.Domain.Case c ? c.Version : 0;
}
