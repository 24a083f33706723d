using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Node.Tests")]
