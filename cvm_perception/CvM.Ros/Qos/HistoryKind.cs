namespace CvM.Ros.Qos;

/// <summary>DDS HISTORY kind (values as <c>dds_history_kind_t</c>).</summary>
public enum HistoryKind
{
    KeepLast = 0,
    KeepAll = 1,
}
