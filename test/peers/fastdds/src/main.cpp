// cvm_fastdds_peer: an independent ROS-2-like DDS peer on Fast DDS 2.9 for the interop tests of CvM.Ros.
//   pub-images  publishes sensor_msgs/msg/Image (rgb8) on a ROS topic and prints what it sent
//   sub-images  subscribes to images and prints one line per image (FNV-1a hash of the data, metadata)
//   discovery   reads ros_discovery_info (Gid 16 or 24 bytes) and prints the decoded entries, plus the
//               endpoints it discovers through DDS built-in discovery (their GUIDs, topics and types)
// All output is JSON, one object per line. Exit code 0 on success, 2 on bad arguments, 3 on failure.
#include "modes.hpp"
#include "options.hpp"
#include "output.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <vector>

namespace {

// The test host (a .NET process with Cyclone DDS participants open) may hand its sockets down to us: libddsc
// does not mark them close-on-exec. Close every descriptor above stderr before Fast DDS starts, so the peer
// holds only its own sockets (the loopback check of its sockets reads them) and never keeps a port of the
// host's participants alive.
void close_inherited_descriptors()
{
    if (close_range(3, ~0U, 0) == 0) return;
    std::vector<int> fds;
    if (DIR* dir = opendir("/proc/self/fd"))
    {
        while (dirent* e = readdir(dir))
        {
            const int fd = std::atoi(e->d_name);
            if (fd > 2 && fd != dirfd(dir)) fds.push_back(fd);
        }
        closedir(dir);
    }
    for (int fd : fds) close(fd);
}

} // namespace

int main(int argc, char** argv)
{
    close_inherited_descriptors();
    cvm_peer::Options options;
    if (!cvm_peer::parse_options(argc, argv, options)) return 2;
    cvm_peer::install_stop_sources(options.stdin_quit, options.wait_go);
    try
    {
        switch (options.mode)
        {
            case cvm_peer::Mode::PubImages: return cvm_peer::run_pub_images(options);
            case cvm_peer::Mode::SubImages: return cvm_peer::run_sub_images(options);
            case cvm_peer::Mode::Discovery: return cvm_peer::run_discovery(options);
        }
    }
    catch (const std::exception& e)
    {
        cvm_peer::emit("{\"event\":\"error\",\"message\":" + cvm_peer::json_str(e.what()) + "}");
        return 3;
    }
    return 3;
}
