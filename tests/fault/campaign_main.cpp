// agentdesk_fault_campaign: the fault campaign (campaign.h, docs/fault-campaign.md).
//
//   agentdesk_fault_campaign [--episodes 20] [--counselors 3] [--sse-cuts 50] [--seed N]
//                            [--work-dir DIR] [--verbose]
//
// Prints one line per phase with its counts; exit status 0 only when no typed note was lost or
// stored twice and the cut event stream lost and repeated no event. CTest runs 20 episodes;
// bench/fault_campaign.sh runs 1000.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <QCoreApplication>

#include "common/logging.h"
#include "tests/fault/campaign.h"

using namespace agentdesk::fault;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: agentdesk_fault_campaign [--episodes N] [--counselors 1-3] "
                 "[--sse-cuts N] [--seed N] [--work-dir DIR] [--verbose]\n");
    return 2;
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    agentdesk::logging::init({"agentdesk-fault-campaign", "", true, false, "error"});
    CampaignOptions options;
    options.serverBinary = AGENTDESK_SERVER_BINARY;
    options.counselorBinary = AGENTDESK_FAULT_COUNSELOR;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--verbose") {
            options.verbose = true;
        } else if (!hasValue) {
            return usage();
        } else if (arg == "--episodes") {
            options.episodes = std::atoi(argv[++i]);
        } else if (arg == "--counselors") {
            options.counselors = std::atoi(argv[++i]);
        } else if (arg == "--sse-cuts") {
            options.sseCuts = std::atoi(argv[++i]);
        } else if (arg == "--seed") {
            options.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--work-dir") {
            options.workDir = argv[++i];
            keep = true;
        } else {
            return usage();
        }
    }
    if (options.episodes < 0 || options.counselors < 1 || options.counselors > 3 ||
        options.sseCuts < 0)
        return usage();
    if (options.seed == 0)
        options.seed = std::random_device{}() | 1ULL;
    if (options.workDir.empty()) {
        options.workDir = std::filesystem::temp_directory_path() /
                          ("agentdesk-fault-" + std::to_string(options.seed));
    }
    std::filesystem::remove_all(options.workDir);
    std::filesystem::create_directories(options.workDir);
    std::printf("fault campaign: seed %llu (rerun with --seed %llu), work dir %s\n",
                static_cast<unsigned long long>(options.seed),
                static_cast<unsigned long long>(options.seed), options.workDir.c_str());
    std::fflush(stdout);

    std::mt19937_64 rng(options.seed);
    bool ok = true;
    try {
        ServerProcess server(options.serverBinary, options.workDir / "server.db",
                             freeLoopbackPort(), options.workDir / "server.log");
        server.start();
        if (options.episodes > 0) {
            const NotesReport r = runNotesCampaign(options, server, rng);
            std::printf(
                "notes: %d episodes in %.1f s; faults: %d server kill -9, %d network cuts (%d "
                "connections), "
                "%d slow periods, %d refusing periods, %d counselor SIGKILLs; notes sent %d, "
                "typed %d, on the server %d (%d typed just before a kill, stored once); "
                "lost %d, duplicated %d\n",
                r.episodes, r.seconds, r.serverKills, r.cuts, r.connectionsCut, r.delays,
                r.refusals, r.counselorKills, r.sent, r.typed, r.stored, r.unconfirmedStored,
                r.lost, r.duplicated);
            ok = ok && r.lost == 0 && r.duplicated == 0 && r.typed > 0;
        }
        if (options.sseCuts > 0) {
            const SseReport r = runSseCampaign(options, server, rng);
            std::printf(
                "events: %d forced disconnects in %.1f s, %d state changes; the uncut stream "
                "got %lld events, the cut one %lld of them (%lld reconnects, %lld resyncs); "
                "lost %lld, delivered twice %lld\n",
                r.cuts, r.seconds, r.stateChanges, static_cast<long long>(r.expected),
                static_cast<long long>(r.received), static_cast<long long>(r.reconnects),
                static_cast<long long>(r.resyncs), static_cast<long long>(r.lost),
                static_cast<long long>(r.duplicates));
            ok = ok && r.lost == 0 && r.duplicates == 0 && r.expected > 0 && r.resyncs == 0;
        }
        server.kill9();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fault campaign: %s\n", e.what());
        ok = false;
    }
    std::printf("fault campaign: %s\n", ok ? "PASSED" : "FAILED");
    if (ok && !keep)
        std::filesystem::remove_all(options.workDir);
    return ok ? 0 : 1;
}
