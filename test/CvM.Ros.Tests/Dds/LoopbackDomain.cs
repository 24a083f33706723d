using CvM.Ros.Dds;
using CvM.TestSupport;

namespace CvM.Ros.Tests.Dds;

/// <summary>A participant on a fresh domain id with the 127.0.0.1-only Cyclone configuration.</summary>
internal static class LoopbackDomain
{
    public static DdsParticipant Participant(uint domainId) =>
        DdsParticipant.Create(new DdsParticipantOptions(domainId, CycloneConfig.Loopback));

    public static uint NextId() => (uint)DomainIds.Next();

    /// <summary>Polls <paramref name="condition"/> until true or <paramref name="timeout"/>; returns the last value.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < end)
        {
            if (condition()) return true;
            Thread.Sleep(20);
        }
        return condition();
    }
}
