/* Cyclone DDS test peer for the C# binding's tests (built by the tests with idlc + gcc into a temp folder).
 *   cyclone_peer layout                      sizeof/offsetof of the public structs the binding mirrors
 *   cyclone_peer descriptors                 idlc's topic descriptors: size, align, flags, nops, ops words
 *   cyclone_peer serialize DOMAIN XML        fills Image, CameraInfo, Odometry with fixed values, writes each with
 *                                            dds_write to a local reader and prints the CDR dds_takecdr returns (hex)
 * The values filled here are mirrored by the C# test (CdrParityTests); change both together. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dds/dds.h"
#include "dds/ddsi/ddsi_serdata.h"
#include "ros_types.c" /* idlc output: descriptors and their static ops arrays */

#define OPS(name) { #name, &name##_desc, name##_ops, sizeof (name##_ops) / sizeof (name##_ops[0]) }
struct entry { const char *name; const dds_topic_descriptor_t *desc; const uint32_t *ops; size_t nwords; };
static const struct entry entries[] = {
  OPS (sensor_msgs_msg_dds__Image_), OPS (sensor_msgs_msg_dds__CameraInfo_), OPS (nav_msgs_msg_dds__Odometry_),
  OPS (rmw_dds_common_msg_dds__ParticipantEntitiesInfo_), OPS (humble_rmw_dds_common_msg_dds__ParticipantEntitiesInfo_),
  OPS (cvm_test_msg_dds__AllKinds_)
};

static int layout (void)
{
  printf ("dds_topic_descriptor_t.size %zu\n", sizeof (dds_topic_descriptor_t));
  printf ("dds_topic_descriptor_t.m_typename %zu\n", offsetof (dds_topic_descriptor_t, m_typename));
  printf ("dds_topic_descriptor_t.m_nops %zu\n", offsetof (dds_topic_descriptor_t, m_nops));
  printf ("dds_topic_descriptor_t.m_ops %zu\n", offsetof (dds_topic_descriptor_t, m_ops));
  printf ("dds_topic_descriptor_t.m_meta %zu\n", offsetof (dds_topic_descriptor_t, m_meta));
  printf ("dds_topic_descriptor_t.type_information %zu\n", offsetof (dds_topic_descriptor_t, type_information));
  printf ("dds_topic_descriptor_t.type_mapping %zu\n", offsetof (dds_topic_descriptor_t, type_mapping));
  printf ("dds_topic_descriptor_t.restrict_data_representation %zu\n", offsetof (dds_topic_descriptor_t, restrict_data_representation));
  printf ("dds_sample_info_t.size %zu\n", sizeof (dds_sample_info_t));
  printf ("dds_sample_info_t.valid_data %zu\n", offsetof (dds_sample_info_t, valid_data));
  printf ("dds_sample_info_t.source_timestamp %zu\n", offsetof (dds_sample_info_t, source_timestamp));
  printf ("dds_sample_info_t.publication_handle %zu\n", offsetof (dds_sample_info_t, publication_handle));
  printf ("dds_publication_matched_status_t.size %zu\n", sizeof (dds_publication_matched_status_t));
  printf ("dds_publication_matched_status_t.current_count %zu\n", offsetof (dds_publication_matched_status_t, current_count));
  printf ("dds_subscription_matched_status_t.size %zu\n", sizeof (dds_subscription_matched_status_t));
  printf ("dds_requested_incompatible_qos_status_t.size %zu\n", sizeof (dds_requested_incompatible_qos_status_t));
  printf ("dds_guid_t.size %zu\n", sizeof (dds_guid_t));
  printf ("dds_sample_lost_status_t.size %zu\n", sizeof (dds_sample_lost_status_t));
  printf ("dds_sample_lost_status_t.total_count_change %zu\n", offsetof (dds_sample_lost_status_t, total_count_change));
  printf ("dds_sample_rejected_status_t.size %zu\n", sizeof (dds_sample_rejected_status_t));
  printf ("dds_sample_rejected_status_t.last_reason %zu\n", offsetof (dds_sample_rejected_status_t, last_reason));
  printf ("dds_sample_rejected_status_t.last_instance_handle %zu\n", offsetof (dds_sample_rejected_status_t, last_instance_handle));
  printf ("ddsi_serdata.type %zu\n", offsetof (struct ddsi_serdata, type));
  printf ("ddsrt_iovec_t.size %zu\n", sizeof (ddsrt_iovec_t));
  printf ("dds_sequence_t.size %zu\n", sizeof (dds_sequence_t));
  return 0;
}

static int descriptors (void)
{
  for (size_t i = 0; i < sizeof (entries) / sizeof (entries[0]); i++)
  {
    const struct entry *e = &entries[i];
    printf ("type %s size %u align %u flags %u nops %u nwords %zu ops", e->desc->m_typename, e->desc->m_size,
            e->desc->m_align, e->desc->m_flagset, e->desc->m_nops, e->nwords);
    for (size_t k = 0; k < e->nwords; k++) printf (" %u", e->ops[k]);
    printf ("\n");
  }
  return 0;
}

static void fill_header (std_msgs_msg_dds__Header_ *h, int32_t sec, uint32_t nanosec, char *frame)
{
  h->stamp.sec = sec; h->stamp.nanosec = nanosec; h->frame_id = frame;
}

static int roundtrip (dds_entity_t pp, const dds_topic_descriptor_t *desc, const char *topic_name, const void *sample)
{
  dds_entity_t tp = dds_create_topic (pp, desc, topic_name, NULL, NULL);
  dds_qos_t *qos = dds_create_qos ();
  dds_qset_reliability (qos, DDS_RELIABILITY_RELIABLE, DDS_SECS (1));
  dds_entity_t rd = dds_create_reader (pp, tp, qos, NULL);
  dds_entity_t wr = dds_create_writer (pp, tp, qos, NULL);
  dds_delete_qos (qos);
  if (tp < 0 || rd < 0 || wr < 0) { fprintf (stderr, "create failed for %s\n", topic_name); return 1; }
  if (dds_write (wr, sample) < 0) { fprintf (stderr, "dds_write failed\n"); return 1; }
  struct ddsi_serdata *sd = NULL; dds_sample_info_t si;
  int n = 0;
  for (int tries = 0; tries < 200 && n <= 0; tries++) { n = dds_takecdr (rd, &sd, 1, &si, DDS_ANY_STATE); if (n <= 0) dds_sleepfor (DDS_MSECS (10)); }
  if (n != 1) { fprintf (stderr, "no sample on %s\n", topic_name); return 1; }
  uint32_t size = ddsi_serdata_size (sd);
  unsigned char *buf = malloc (size);
  ddsi_serdata_to_ser (sd, 0, size, buf);
  printf ("%s ", desc->m_typename);
  for (uint32_t i = 0; i < size; i++) printf ("%02x", buf[i]);
  printf ("\n");
  free (buf);
  ddsi_serdata_unref (sd);
  return 0;
}

static int serialize (uint32_t domain, const char *xml)
{
  if (dds_create_domain (domain, xml) < 0) { fprintf (stderr, "dds_create_domain failed\n"); return 1; }
  dds_entity_t pp = dds_create_participant (domain, NULL, NULL);
  if (pp < 0) { fprintf (stderr, "dds_create_participant failed\n"); return 1; }
  int rc = 0;

  sensor_msgs_msg_dds__Image_ img; memset (&img, 0, sizeof (img));
  fill_header (&img.header, 1700000000, 123456789u, "camera_optical");
  img.height = 6; img.width = 5; img.encoding = "rgb8"; img.is_bigendian = 0; img.step = 15;
  static uint8_t pixels[90];
  for (int i = 0; i < 90; i++) pixels[i] = (uint8_t) ((i * 7 + 3) & 0xff);
  img.data._length = img.data._maximum = 90; img.data._buffer = pixels; img.data._release = false;
  rc |= roundtrip (pp, &sensor_msgs_msg_dds__Image__desc, "cvm_parity_image", &img);

  sensor_msgs_msg_dds__CameraInfo_ ci; memset (&ci, 0, sizeof (ci));
  fill_header (&ci.header, -42, 7u, "cam");
  ci.height = 480; ci.width = 640; ci.distortion_model = "plumb_bob";
  static double d[5] = { 0.1, -0.25, 0.001, 0.002, 0.0 };
  ci.d._length = ci.d._maximum = 5; ci.d._buffer = d; ci.d._release = false;
  for (int i = 0; i < 9; i++) { ci.k[i] = 100.0 + i; ci.r[i] = (i % 4 == 0) ? 1.0 : 0.0; }
  for (int i = 0; i < 12; i++) ci.p[i] = 0.5 * i - 1.0;
  ci.binning_x = 1; ci.binning_y = 2;
  ci.roi.x_offset = 10; ci.roi.y_offset = 20; ci.roi.height = 30; ci.roi.width = 40; ci.roi.do_rectify = true;
  rc |= roundtrip (pp, &sensor_msgs_msg_dds__CameraInfo__desc, "cvm_parity_camera_info", &ci);

  nav_msgs_msg_dds__Odometry_ od; memset (&od, 0, sizeof (od));
  fill_header (&od.header, 12, 500000000u, "odom");
  od.child_frame_id = "base_link";
  od.pose.pose.position.x = 1.5; od.pose.pose.position.y = -2.25; od.pose.pose.position.z = 0.125;
  od.pose.pose.orientation.x = 0.0; od.pose.pose.orientation.y = 0.0;
  od.pose.pose.orientation.z = 0.38268343236508984; od.pose.pose.orientation.w = 0.9238795325112867;
  for (int i = 0; i < 36; i++) { od.pose.covariance[i] = 0.5 * i; od.twist.covariance[i] = -0.25 * i; }
  od.twist.twist.linear.x = 0.5; od.twist.twist.angular.z = 0.1;
  rc |= roundtrip (pp, &nav_msgs_msg_dds__Odometry__desc, "cvm_parity_odometry", &od);

  dds_delete (pp);
  return rc;
}

int main (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "layout") == 0) return layout ();
  if (argc >= 2 && strcmp (argv[1], "descriptors") == 0) return descriptors ();
  if (argc >= 4 && strcmp (argv[1], "serialize") == 0) return serialize ((uint32_t) atoi (argv[2]), argv[3]);
  fprintf (stderr, "usage: cyclone_peer layout | descriptors | serialize DOMAIN XML\n");
  return 2;
}
