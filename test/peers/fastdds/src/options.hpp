// Command line of the Fast DDS peer: one executable, three modes.
#pragma once

#include <cstdint>
#include <string>

namespace cvm_peer {

enum class Mode { PubImages, SubImages, Discovery };

struct Options
{
    Mode mode = Mode::SubImages;
    uint32_t domain = 0;
    int count = 30;                  // images to send / receive
    double rate_hz = 30.0;           // publish rate
    bool reliable = true;            // reliability of the image endpoint
    std::string topic = "rt/cvm/image_raw";
    double timeout_s = 30.0;         // overall deadline of the run
    double wait_match_s = 15.0;      // pub: wait this long for a matched reader (0: do not wait)
    double settle_s = 0.5;           // pub: pause after matching so the remote reader matches us too
    uint32_t width = 640;
    uint32_t height = 480;
    uint32_t seed = 1;               // pub: content of the pixels
    std::string frame_id = "fastdds_peer_optical_frame";
    int gid_size = 16;               // discovery: 16 (Iron, Jazzy, ...) or 24 (Humble)
    bool stdin_quit = false;         // stop when stdin reaches end of file
    bool wait_go = false;            // pub: after matching, wait for a line "go" on stdin
    int socket_buffer = 4 * 1024 * 1024;
    int warmup = 0;                  // pub: small images (frame_id "warmup") sent and acknowledged first
    int heartbeat_ms = 3000;         // pub: reliable writer heartbeat period (Fast DDS default 3 s)
};

// Parses argv; on error prints usage to stderr and returns false.
bool parse_options(int argc, char** argv, Options& out);

} // namespace cvm_peer
