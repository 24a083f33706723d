namespace CvM.Node;

/// <summary>The <c>cvm_perception</c> executable: verbs <c>node</c>, <c>replay</c>, <c>eval</c> (landing with the node issue).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: cvm_perception <verb> [args] [--ros-args ...]");
        return 2;
    }
}
