using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Ros.Tests")]
