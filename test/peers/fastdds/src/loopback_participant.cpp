#include "loopback_participant.hpp"

#include "output.hpp"

#include <memory>
#include <vector>

#include <fastdds/dds/domain/DomainParticipantFactory.hpp>
#include <fastdds/dds/domain/qos/DomainParticipantQos.hpp>
#include <fastdds/rtps/transport/UDPv4TransportDescriptor.h>
#include <fastrtps/utils/IPLocator.h>

namespace cvm_peer {

using namespace eprosima::fastdds::dds;
using eprosima::fastdds::rtps::UDPv4TransportDescriptor;
using eprosima::fastrtps::rtps::IPLocator;
using eprosima::fastrtps::rtps::Locator_t;

DomainParticipant* create_loopback_participant(
    uint32_t domain, const std::string& name, int socket_buffer, DomainParticipantListener* listener)
{
    DomainParticipantQos qos = PARTICIPANT_QOS_DEFAULT;
    qos.name(name);

    auto udp = std::make_shared<UDPv4TransportDescriptor>();
    udp->interfaceWhiteList.emplace_back("127.0.0.1");
    udp->sendBufferSize = static_cast<uint32_t>(socket_buffer);
    udp->receiveBufferSize = static_cast<uint32_t>(socket_buffer);
    qos.transport().use_builtin_transports = false;
    qos.transport().user_transports.push_back(udp);
    qos.transport().send_socket_buffer_size = static_cast<uint32_t>(socket_buffer);
    qos.transport().listen_socket_buffer_size = static_cast<uint32_t>(socket_buffer);

    Locator_t loopback;
    loopback.kind = LOCATOR_KIND_UDPv4;
    IPLocator::setIPv4(loopback, 127, 0, 0, 1);
    loopback.port = 0; // 0: Fast DDS fills in the well-known ports of the domain
    auto& builtin = qos.wire_protocol().builtin;
    builtin.initialPeersList.push_back(loopback);
    // Unicast locators given explicitly: Fast DDS then adds no multicast locator for discovery.
    builtin.metatrafficUnicastLocatorList.push_back(loopback);
    qos.wire_protocol().default_unicast_locator_list.push_back(loopback);

    const std::string enclave = "enclave=/;";
    qos.user_data().data_vec(std::vector<eprosima::fastrtps::rtps::octet>(enclave.begin(), enclave.end()));

    return DomainParticipantFactory::get_instance()->create_participant(
        domain, qos, listener, StatusMask::none());
}

void delete_participant(DomainParticipant* participant)
{
    if (participant == nullptr) return;
    participant->delete_contained_entities();
    DomainParticipantFactory::get_instance()->delete_participant(participant);
}

std::string guid_hex(const eprosima::fastrtps::rtps::GUID_t& guid)
{
    uint8_t bytes[16];
    for (int i = 0; i < 12; ++i) bytes[i] = guid.guidPrefix.value[i];
    for (int i = 0; i < 4; ++i) bytes[12 + i] = guid.entityId.value[i];
    return hex(bytes, 16);
}

} // namespace cvm_peer
