#include "options.hpp"

#include <cstdlib>
#include <iostream>
#include <stdexcept>

namespace cvm_peer {

namespace {

const char* kUsage =
    "usage: cvm_fastdds_peer MODE [options]\n"
    "  modes: pub-images | sub-images | discovery\n"
    "  --domain D            DDS domain id (required)\n"
    "  --count N             images to publish / to wait for (default 30)\n"
    "  --rate HZ             publish rate (default 30)\n"
    "  --reliability R       reliable | best_effort (default reliable)\n"
    "  --topic T             DDS topic name (default rt/cvm/image_raw)\n"
    "  --timeout S           deadline of the whole run in seconds (default 30)\n"
    "  --wait-match S        pub: wait S seconds for a reader, 0 = publish without waiting (default 15)\n"
    "  --settle S            pub: pause after the first match (default 0.5)\n"
    "  --width W --height H  image size (default 640x480, rgb8)\n"
    "  --seed N              pub: pixel content seed (default 1)\n"
    "  --frame-id F          pub: header.frame_id\n"
    "  --gid-size 16|24      discovery: Gid size (24 Humble, 16 Iron/Jazzy; default 16)\n"
    "  --stdin-quit          stop when stdin is closed\n"
    "  --wait-go             pub: after matching, start only when a line \"go\" arrives on stdin\n"
    "  --socket-buffer B     UDP socket buffer bytes (default 4194304)\n"
    "  --warmup N            pub: first send N 8x8 images with frame_id \"warmup\" (reliable: wait for their acks)\n"
    "  --heartbeat-ms MS     pub: reliable writer heartbeat period (default 3000, Fast DDS's)\n";

double to_double(const std::string& s, const std::string& name)
{
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || *end != '\0' || v < 0) throw std::invalid_argument("bad value for " + name + ": " + s);
    return v;
}

long to_long(const std::string& s, const std::string& name)
{
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (end == s.c_str() || *end != '\0' || v < 0) throw std::invalid_argument("bad value for " + name + ": " + s);
    return v;
}

} // namespace

bool parse_options(int argc, char** argv, Options& o)
{
    try
    {
        if (argc < 2) throw std::invalid_argument("missing mode");
        std::string mode = argv[1];
        if (mode == "pub-images") o.mode = Mode::PubImages;
        else if (mode == "sub-images") o.mode = Mode::SubImages;
        else if (mode == "discovery") o.mode = Mode::Discovery;
        else throw std::invalid_argument("unknown mode " + mode);

        bool have_domain = false;
        for (int i = 2; i < argc; ++i)
        {
            std::string a = argv[i];
            if (a == "--stdin-quit") { o.stdin_quit = true; continue; }
            if (a == "--wait-go") { o.wait_go = true; continue; }
            if (i + 1 >= argc) throw std::invalid_argument("missing value for " + a);
            std::string v = argv[++i];
            if (a == "--domain") { o.domain = static_cast<uint32_t>(to_long(v, a)); have_domain = true; }
            else if (a == "--count") o.count = static_cast<int>(to_long(v, a));
            else if (a == "--rate") o.rate_hz = to_double(v, a);
            else if (a == "--reliability")
            {
                if (v == "reliable") o.reliable = true;
                else if (v == "best_effort") o.reliable = false;
                else throw std::invalid_argument("reliability must be reliable or best_effort");
            }
            else if (a == "--topic") o.topic = v;
            else if (a == "--timeout") o.timeout_s = to_double(v, a);
            else if (a == "--wait-match") o.wait_match_s = to_double(v, a);
            else if (a == "--settle") o.settle_s = to_double(v, a);
            else if (a == "--width") o.width = static_cast<uint32_t>(to_long(v, a));
            else if (a == "--height") o.height = static_cast<uint32_t>(to_long(v, a));
            else if (a == "--seed") o.seed = static_cast<uint32_t>(to_long(v, a));
            else if (a == "--frame-id") o.frame_id = v;
            else if (a == "--gid-size")
            {
                o.gid_size = static_cast<int>(to_long(v, a));
                if (o.gid_size != 16 && o.gid_size != 24) throw std::invalid_argument("gid size must be 16 or 24");
            }
            else if (a == "--socket-buffer") o.socket_buffer = static_cast<int>(to_long(v, a));
            else if (a == "--warmup") o.warmup = static_cast<int>(to_long(v, a));
            else if (a == "--heartbeat-ms") o.heartbeat_ms = static_cast<int>(to_long(v, a));
            else throw std::invalid_argument("unknown option " + a);
        }
        if (!have_domain) throw std::invalid_argument("--domain is required");
        if (o.domain > 232) throw std::invalid_argument("domain must be 0..232");
        if (o.rate_hz <= 0) throw std::invalid_argument("rate must be positive");
        return true;
    }
    catch (const std::exception& e)
    {
        std::cerr << "error: " << e.what() << "\n" << kUsage;
        return false;
    }
}

} // namespace cvm_peer
