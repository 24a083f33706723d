using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Pipeline.Tests")]
