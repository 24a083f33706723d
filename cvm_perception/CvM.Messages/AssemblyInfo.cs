using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CvM.Messages.Tests")]
