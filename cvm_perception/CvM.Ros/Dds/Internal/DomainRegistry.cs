using System.Text;
using CvM.Ros.Dds.Native;

namespace CvM.Ros.Dds.Internal;

/// <summary>
/// Process-wide reference counts of domains created with an explicit <see cref="CycloneConfig"/>
/// (<c>dds_create_domain</c> may be called once per domain id). The last release deletes the domain entity.
/// </summary>
internal static class DomainRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<uint, (DdsEntityHandle Domain, int Refs)> Domains = [];

    /// <summary>Creates the domain with <paramref name="config"/> or joins the one this process already created.</summary>
    public static unsafe void Acquire(uint domainId, CycloneConfig config)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out var d))
            {
                Domains[domainId] = (d.Domain, d.Refs + 1);
                return;
            }
            var xml = Encoding.UTF8.GetBytes(config.ToXml(domainId) + "\0");
            int rc;
            fixed (byte* p = xml) rc = DdsNative.dds_create_domain(domainId, p);
            Domains[domainId] = (DdsEntityHandle.FromCreate(rc, $"dds_create_domain({domainId})"), 1);
        }
    }

    /// <summary>Drops one reference; deletes the domain when none is left.</summary>
    public static void Release(uint domainId)
    {
        lock (Gate)
        {
            if (!Domains.TryGetValue(domainId, out var d)) return;
            if (d.Refs > 1)
            {
                Domains[domainId] = (d.Domain, d.Refs - 1);
                return;
            }
            Domains.Remove(domainId);
            d.Domain.Dispose();
        }
    }
}
