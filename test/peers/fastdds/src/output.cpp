#include "output.hpp"

#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>
#include <thread>

namespace cvm_peer {

std::atomic<bool> g_stop{false};
std::atomic<bool> g_go{false};

namespace {
std::mutex g_out_mutex;

void on_signal(int)
{
    g_stop.store(true);
}
} // namespace

void emit(const std::string& json_line)
{
    std::lock_guard<std::mutex> lock(g_out_mutex);
    std::fwrite(json_line.data(), 1, json_line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

std::string json_str(const std::string& s)
{
    static const char* digits = "0123456789abcdef";
    std::string out = "\"";
    for (unsigned char c : s)
    {
        if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c < 0x20 || c >= 0x7f)
        {
            out += "\\u00";
            out += digits[c >> 4];
            out += digits[c & 15];
        }
        else out += static_cast<char>(c);
    }
    return out + "\"";
}

std::string hex(const uint8_t* data, size_t n)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (size_t i = 0; i < n; ++i)
    {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

std::string fnv1a64_hex(const uint8_t* data, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; ++i)
    {
        h ^= data[i];
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

int64_t realtime_ns()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

int64_t monotonic_ns()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

void install_stop_sources(bool stdin_quit, bool read_go)
{
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    if (stdin_quit || read_go)
    {
        std::thread([stdin_quit] {
            std::string line;
            while (std::getline(std::cin, line))
            {
                if (line == "go") g_go.store(true);
                if (line == "quit") break;
            }
            if (stdin_quit) g_stop.store(true);
        }).detach();
    }
}

} // namespace cvm_peer
