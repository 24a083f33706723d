namespace CvM.Ros.Dds.Native;

/// <summary>
/// What the self-check requires of libddsc. Kept apart from <see cref="DdsNative"/>, whose static constructor
/// loads the library, so that checking never re-enters loading.
/// </summary>
internal static class CycloneAbi
{
    /// <summary>The name every <c>DllImport</c> of the binding uses; resolved by <see cref="CycloneLibrary"/>.</summary>
    internal const string LibraryName = "ddsc";

    /// <summary>Symbols the binding calls; the self-check requires every one of them.</summary>
    internal static readonly string[] RequiredSymbols =
    [
        "dds_create_domain", "dds_create_participant", "dds_create_topic", "dds_create_writer", "dds_create_reader",
        "dds_delete", "dds_get_guid", "dds_strretcode", "dds_set_status_mask", "dds_write", "dds_writecdr",
        "dds_takecdr", "ddsi_serdata_from_ser_iov", "ddsi_serdata_to_ser", "ddsi_serdata_size", "ddsi_serdata_unref",
        "dds_create_qos", "dds_delete_qos", "dds_qset_reliability", "dds_qset_durability", "dds_qset_history",
        "dds_qset_userdata", "dds_get_publication_matched_status", "dds_get_subscription_matched_status",
        "dds_get_requested_incompatible_qos_status", "dds_get_offered_incompatible_qos_status", "dds_create_waitset",
        "dds_waitset_attach", "dds_waitset_wait", "dds_create_readcondition", "dds_create_guardcondition",
        "dds_set_guardcondition",
        // present from 0.10 on (XTypes era): the 96-byte topic descriptor with type_information/type_mapping
        "ddsi_serdata_ops_xcdr2",
    ];

    /// <summary>Exported from Cyclone 0.11 on, whose descriptor/opcode ABI this binding was not checked against.</summary>
    internal const string NewerThan010Symbol = "dds_get_entity_sertype";
}
