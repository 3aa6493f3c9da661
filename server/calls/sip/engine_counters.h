#pragma once
// Counters the engine thread updates and SipEngine::stats() reads from any thread.
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace agentdesk::server::sip {

struct EngineCounters {
    std::atomic<std::size_t> legs{0};
    std::atomic<std::size_t> rtpSockets{0};
    std::atomic<std::size_t> registrations{0};
    std::atomic<std::uint64_t> rtpIn{0};
    std::atomic<std::uint64_t> rtpOut{0};
    std::atomic<std::uint64_t> rtpLost{0};
};

}  // namespace agentdesk::server::sip
