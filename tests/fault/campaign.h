#pragma once
// The fault campaign (docs/fault-campaign.md): counselors write notes through the real client
// core while the campaign kills and restarts the server (SIGKILL), cuts and delays their
// connections through a TCP proxy, and SIGKILLs the counselors' processes; then everything
// typed is compared with the server's database. A second phase follows one event stream
// through 50 forced disconnects and compares it with a stream that was never cut.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "bench/child_process.h"

namespace agentdesk::fault {

struct CampaignOptions {
    int episodes = 20;
    int counselors = 3;      // counselor1..N of the demo center (at most 3)
    int sseCuts = 50;        // 0: no event-stream phase
    std::uint64_t seed = 0;  // 0: random
    std::string serverBinary, counselorBinary;
    std::filesystem::path workDir;  // empty: a fresh temporary directory, removed at the end
    bool verbose = false;
};

struct NotesReport {
    int episodes = 0;
    int sent = 0;               // notes the campaign asked counselors to type
    int typed = 0;              // of those, confirmed in the counselor's local store (drafted)
    int stored = 0;             // distinct campaign notes in the server's database
    int lost = 0;               // typed but not in the server's database
    int duplicated = 0;         // notes stored more than once
    int unconfirmedStored = 0;  // sent, killed before "drafted", stored anyway (once)
    int serverKills = 0, cuts = 0, connectionsCut = 0, delays = 0, refusals = 0, counselorKills = 0;
    double seconds = 0;
};

struct SseReport {
    int cuts = 0;
    std::int64_t expected = 0;  // events the uncut stream received in the window
    std::int64_t received = 0;  // of those, received by the stream that was cut
    std::int64_t lost = 0;
    std::int64_t duplicates = 0;  // delivered twice to the cut stream's listener
    std::int64_t reconnects = 0;
    std::int64_t resyncs = 0;  // snapshots instead of a replay (none expected)
    int stateChanges = 0;      // agent state changes made meanwhile
    double seconds = 0;
};

// The server under test as a child process on a fixed loopback port, so it can be killed and
// started again where its clients expect it.
class ServerProcess {
public:
    ServerProcess(std::string binary, std::filesystem::path db, int port,
                  std::filesystem::path log);
    void start();  // waits until /api/v1/health answers (throws after 30 s)
    void kill9();  // SIGKILL, reaped
    bool running();
    int port() const { return port_; }
    std::string url() const;

private:
    std::string binary_;
    std::filesystem::path db_, log_;
    int port_;
    int starts_ = 0;
    bench::ChildProcess process_;
};

// A free TCP port on 127.0.0.1 (bound and released).
int freeLoopbackPort();

NotesReport runNotesCampaign(const CampaignOptions& options, ServerProcess& server,
                             std::mt19937_64& rng);
SseReport runSseCampaign(const CampaignOptions& options, ServerProcess& server,
                         std::mt19937_64& rng);

}  // namespace agentdesk::fault
