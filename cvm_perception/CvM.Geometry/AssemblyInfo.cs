using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Geometry.Tests")]
