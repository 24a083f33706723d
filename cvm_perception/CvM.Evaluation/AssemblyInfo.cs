using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Evaluation.Tests")]
