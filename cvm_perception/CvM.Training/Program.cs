namespace CvM.Training;

/// <summary>Training tool entry point (train, export, evaluate verbs land here).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: CvM.Training <verb> (not yet implemented)");
        return 2;
    }
}
