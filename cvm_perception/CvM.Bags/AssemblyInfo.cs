using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Bags.Tests")]
