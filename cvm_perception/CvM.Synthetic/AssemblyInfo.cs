using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Synthetic.Tests")]
