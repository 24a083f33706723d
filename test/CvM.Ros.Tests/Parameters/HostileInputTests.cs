using CvM.Ros.Arguments;
using CvM.Ros.Names;
using CvM.Ros.Parameters;

namespace CvM.Ros.Tests.Parameters;

public sealed class HostileInputTests
{
    private const string Alphabet = "ab_~/:=.*-[]{}'\"!# ,\n\t\\0x9e+&|>?@%";

    [Fact]
    public void ParseArguments_RandomAndMutatedArgv_OnlyTypedErrors()
    {
        var rng = new Random(1234);
        string[] flags = ["--ros-args", "--", "-r", "-p", "--params-file", "--log-level", "-e", "--enclave", "--log-config-file", "--disable-stdout-logs"];
        var parsed = 0;
        for (var n = 0; n < 10000; n++)
        {
            var argv = new string[rng.Next(0, 6)];
            for (var i = 0; i < argv.Length; i++)
            {
                argv[i] = rng.Next(3) == 0 ? flags[rng.Next(flags.Length)] : RandomText(rng, 12);
            }
            try
            {
                var a = RosArguments.Parse(argv);
                parsed++;
                // Whatever parsed must be self-consistent: every remap rule yields a resolver or a typed name error.
                try
                {
                    var r = RosNameResolver.Create("n", "/ns", a);
                    foreach (var rule in a.RemapRules.Where(x => x.Match is not null)) _ = r.ResolveTopicName(rule.Match!);
                }
                catch (RosNameException)
                {
                }
            }
            catch (RosArgumentException ex)
            {
                Assert.InRange(ex.Position, 0, argv.Length - 1);
            }
        }
        Assert.True(parsed > 1000, $"only {parsed} of 10000 random command lines parsed");
    }

    [Fact]
    public void ParseFile_RandomAndMutatedYaml_OnlyTypedErrors()
    {
        var rng = new Random(5678);
        var seeds = new[] { ParameterFileTests.DemoParams, ParameterFileTests.WildcardParams, ParameterFileTests.TurtlesimDump };
        var parsed = 0;
        for (var n = 0; n < 10000; n++)
        {
            var chars = seeds[n % seeds.Length].ToCharArray().ToList();
            var edits = rng.Next(1, 6);
            for (var e = 0; e < edits && chars.Count > 0; e++)
            {
                var at = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[rng.Next(Alphabet.Length)]); break;
                    default: chars[at] = Alphabet[rng.Next(Alphabet.Length)]; break;
                }
            }
            try
            {
                var file = ParameterFile.Parse(new string(chars.ToArray()), "fuzz.yaml");
                _ = ParameterResolver.FromFiles([file]).Resolve("/parameter_blackboard");
                parsed++;
            }
            catch (ParameterFileException ex)
            {
                Assert.Equal("fuzz.yaml", ex.Source);
                Assert.True(ex.Line >= 0);
            }
        }
        Assert.True(parsed > 1000, $"only {parsed} of 10000 mutated files parsed");
    }

    private static string RandomText(Random rng, int maxLength)
    {
        var chars = new char[rng.Next(0, maxLength)];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[rng.Next(Alphabet.Length)];
        return new string(chars);
    }
}
