using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Keyframes.Tests")]
