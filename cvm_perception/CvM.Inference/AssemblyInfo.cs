using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Inference.Tests")]
