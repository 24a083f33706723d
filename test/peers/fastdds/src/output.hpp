// Output and run control shared by the modes: one JSON object per stdout line (flushed, written under a
// lock because Fast DDS calls listeners on its own threads), FNV-1a hashes, clocks and the stop flag.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace cvm_peer {

// Writes one line to stdout and flushes it; safe from any thread.
void emit(const std::string& json_line);

// JSON string literal (with quotes) of s; bytes outside printable ASCII are escaped as \u00XX.
std::string json_str(const std::string& s);

// Lower-case hex of n bytes.
std::string hex(const uint8_t* data, size_t n);

// 64-bit FNV-1a of the bytes, as 16 lower-case hex digits (the interop tests compute the same in C#).
std::string fnv1a64_hex(const uint8_t* data, size_t n);

// CLOCK_REALTIME in nanoseconds (stamps are wall clock so that latency can be measured across processes).
int64_t realtime_ns();

// Set by SIGINT/SIGTERM, by stdin reaching end of file (with --stdin-quit) or by a mode that is done.
extern std::atomic<bool> g_stop;

// Set when a line "go" arrives on stdin (read only with --stdin-quit or --wait-go).
extern std::atomic<bool> g_go;

// Installs the signal handlers and, when stdin_quit or read_go is set, a thread reading stdin lines:
// "go" sets g_go; "quit" or end of file sets g_stop when stdin_quit is set.
void install_stop_sources(bool stdin_quit, bool read_go);

// Sleeps in small steps until g_stop or the deadline (CLOCK_MONOTONIC ns) or predicate() is true.
template <typename Pred>
bool wait_until(int64_t deadline_mono_ns, Pred predicate);

int64_t monotonic_ns();

} // namespace cvm_peer

#include <chrono>
#include <thread>

template <typename Pred>
bool cvm_peer::wait_until(int64_t deadline_mono_ns, Pred predicate)
{
    while (!g_stop.load())
    {
        if (predicate()) return true;
        if (monotonic_ns() >= deadline_mono_ns) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return predicate();
}
