namespace CvM.Evaluation.Driver;

/// <summary>Receives progress of an evaluation run (see <see cref="Reports.ConsoleProgressBar"/>).</summary>
public interface IEvaluationProgress
{
    /// <summary>The run starts; <paramref name="total"/> frames when known.</summary>
    void Start(int? total);

    /// <summary><paramref name="done"/> frames are finished.</summary>
    void Report(int done);

    /// <summary>The run ended after <paramref name="done"/> frames.</summary>
    void Finish(int done);
}
