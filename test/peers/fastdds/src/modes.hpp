// The three modes of the peer. Each returns the process exit code.
#pragma once

#include "options.hpp"

namespace cvm_peer {

int run_pub_images(const Options& o);
int run_sub_images(const Options& o);
int run_discovery(const Options& o);

} // namespace cvm_peer
