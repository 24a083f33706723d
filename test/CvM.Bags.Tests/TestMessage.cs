namespace CvM.Bags.Tests;

/// <summary>A message a test writes into a bag and expects back.</summary>
public sealed record TestMessage(string Topic, long LogTimeNs, byte[] Data);
