// A Fast DDS participant that stays on 127.0.0.1: one UDPv4 transport whitelisting 127.0.0.1, no builtin
// transports (so no shared memory and no other interface), unicast-only discovery with initial peer
// 127.0.0.1 (well-known ports of participant ids 0..3), and socket buffers large enough for 1 MB samples.
// USER_DATA carries "enclave=/;" like a ROS 2 participant.
#pragma once

#include <cstdint>
#include <string>

#include <fastdds/dds/domain/DomainParticipant.hpp>
#include <fastdds/dds/domain/DomainParticipantListener.hpp>

namespace cvm_peer {

// Creates the participant (owned by the caller: delete it with delete_participant) or returns nullptr.
eprosima::fastdds::dds::DomainParticipant* create_loopback_participant(
    uint32_t domain, const std::string& name, int socket_buffer,
    eprosima::fastdds::dds::DomainParticipantListener* listener);

// Deletes all entities of the participant and the participant itself.
void delete_participant(eprosima::fastdds::dds::DomainParticipant* participant);

// 32 lower-case hex digits of a GUID (12-byte prefix then 4-byte entity id), the layout of a ROS Gid.
std::string guid_hex(const eprosima::fastrtps::rtps::GUID_t& guid);

} // namespace cvm_peer
