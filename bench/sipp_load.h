#pragma once
// SIPp 3.6.1 on 127.0.0.1 as the capacity bench's load: callers (a UAC that does the signalling;
// its SDP names the bench's own RTP sockets) and echoing agents (one UAS with -rtp_echo).
#include <filesystem>
#include <string>
#include <vector>

#include "bench/child_process.h"

namespace agentdesk::bench {

inline constexpr const char* kSippBinary = "/usr/bin/sipp";

// A UDP port on 127.0.0.1 that is free now and not handed out before by this process.
int freeUdpPort();
// An even port P with P and P+2 free: SIPp binds its echo socket there and a second one at +2.
int freeMediaPort();

// Writes caller.xml and agent.xml into `dir`.
void writeSippScenarios(const std::filesystem::path& dir);

// Caller injection file: "SEQUENTIAL", then one "index;rtpPort;" line per call in the order
// SIPp places them (field0 names the caller c<index>, field1 is its RTP port).
void writeCallerInjection(const std::filesystem::path& file, const std::vector<int>& ports);

struct SippRun {
    ChildProcess process;
    int sipPort = 0;
    int controlPort = 0;             // SIPp's remote control socket (UDP)
    std::filesystem::path errorLog;  // -trace_err: unexpected messages, failed calls
};

// A UAC placing up to `totalCalls` calls at `rate` per second to `target` ("127.0.0.1:PORT"),
// at most `limit` open at a time; each call is held until the engine's BYE. Raise the limit
// with sippCommand(run, "set limit N"); after SIGUSR1 it places no more calls and exits once the
// open ones have ended.
SippRun startSippCallers(const std::filesystem::path& dir, const std::string& target,
                         const std::filesystem::path& injection, int totalCalls, int limit,
                         double rate, int nice);
// One remote-control command ("set limit 200", "set rate 100") to a running SIPp.
bool sippCommand(const SippRun& run, const std::string& command);
// The echoing agents: a UAS answering every INVITE with PCMA on `mediaPort`, where one SIPp
// thread sends every RTP packet back to its sender. Runs until terminated.
SippRun startSippAgents(const std::filesystem::path& dir, int mediaPort, int nice);

// Whether some process has bound this UDP port on any address (/proc/net/udp).
bool udpPortBound(int port);

// The last lines of a text file (SIPp's error log), for failure messages.
std::string tailOfFile(const std::filesystem::path& file, std::size_t maxChars);

}  // namespace agentdesk::bench
