// Phase 1 of the fault campaign: notes (see campaign.h).
#include <csignal>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "common/sqlite_db.h"
#include "tests/fault/campaign.h"
#include "tests/fault/fault_proxy.h"

namespace agentdesk::fault {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// One counselor's process and what it reported.
struct Counselor {
    std::string username;
    std::filesystem::path store, log;
    bench::ChildProcess process;
    std::optional<int> pending;  // the answer to the last "status"
    int starts = 0;
};

class NotesCampaign {
public:
    NotesCampaign(const CampaignOptions& options, ServerProcess& server, std::mt19937_64& rng)
        : options_(options), server_(server), rng_(rng), proxy_(server.port()) {
        tag_ = std::to_string(rng_() % 1000000000);
        for (int i = 1; i <= options_.counselors; ++i) {
            Counselor c;
            c.username = "counselor" + std::to_string(i);
            c.store = options_.workDir / (c.username + ".db");
            c.log = options_.workDir / (c.username + ".log");
            counselors_.push_back(std::move(c));
        }
    }

    NotesReport run() {
        const auto started = Clock::now();
        for (Counselor& c : counselors_)
            startCounselor(c);
        for (int e = 0; e < options_.episodes; ++e)
            episode(e);
        heal();
        settle();
        report_.episodes = options_.episodes;
        report_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        report_.connectionsCut = static_cast<int>(proxy_.connectionsCut());
        tally();
        for (Counselor& c : counselors_)
            c.process.terminate();
        return report_;
    }

private:
    int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

    void startCounselor(Counselor& c) {
        bench::ChildSpec spec;
        spec.argv = {options_.counselorBinary,
                     "http://127.0.0.1:" + std::to_string(proxy_.port()) + "/api/v1",
                     c.store.string(), c.username};
        spec.pipes = true;
        spec.stderrFile = c.log.string() + "." + std::to_string(++c.starts);
        c.process = bench::ChildProcess(spec);
        c.pending.reset();
    }

    void typeNote(Counselor& c, int episode, int n) {
        const std::string id =
            "e" + std::to_string(episode) + "c" + c.username.substr(9) + "n" + std::to_string(n);
        const std::string text = "fault-campaign " + tag_ + " " + id + " 상담 메모: 주소 변경 요청";
        sent_.insert(id);
        c.process.writeLine("note " + id + " " + text);
    }

    // Reads what the counselors printed, for `duration`.
    void pumpFor(milliseconds duration) {
        const auto until = Clock::now() + duration;
        do {
            for (Counselor& c : counselors_) {
                while (auto line = c.process.readLine(milliseconds(0)))
                    onLine(c, *line);
            }
            std::this_thread::sleep_for(milliseconds(5));
        } while (Clock::now() < until);
    }

    void onLine(Counselor& c, const std::string& line) {
        if (options_.verbose)
            std::fprintf(stderr, "  %s: %s\n", c.username.c_str(), line.c_str());
        if (line.rfind("drafted ", 0) == 0)
            typed_.insert(line.substr(8));
        else if (line.rfind("pending ", 0) == 0)
            c.pending = std::stoi(line.substr(8));
        else if (line.rfind("rejected ", 0) == 0)
            rejected_.push_back(c.username + ": " + line);
    }

    void episode(int e) {
        for (Counselor& c : counselors_) {
            const int notes = between(1, 2);
            for (int n = 0; n < notes; ++n)
                typeNote(c, e, n);
        }
        pumpFor(milliseconds(between(0, 150)));
        switch (between(0, 5)) {
            case 0:  // the server dies mid-write and comes back
                server_.kill9();
                ++report_.serverKills;
                pumpFor(milliseconds(between(0, 400)));
                server_.start();
                break;
            case 1:  // every connection dropped at once
                proxy_.cutAll();
                ++report_.cuts;
                break;
            case 2:  // a slow path for a while
                proxy_.setDelay(milliseconds(between(50, 400)));
                ++report_.delays;
                pumpFor(milliseconds(between(200, 800)));
                proxy_.setDelay(milliseconds(0));
                break;
            case 3:  // no new connections for a while
                proxy_.setRefusing(true);
                ++report_.refusals;
                pumpFor(milliseconds(between(200, 800)));
                proxy_.setRefusing(false);
                break;
            case 4: {  // a counselor's PC loses power
                Counselor& c = counselors_[static_cast<std::size_t>(
                    between(0, static_cast<int>(counselors_.size()) - 1))];
                pumpFor(milliseconds(between(0, 100)));
                c.process.signal(SIGKILL);
                c.process.waitExit(std::chrono::seconds(10));
                ++report_.counselorKills;
                pumpFor(milliseconds(0));
                startCounselor(c);
                break;
            }
            default:
                break;
        }
        pumpFor(milliseconds(between(50, 300)));
    }

    void heal() {
        proxy_.setDelay(milliseconds(0));
        proxy_.setRefusing(false);
        if (!server_.running())
            server_.start();
    }

    std::map<std::string, int> storedCounts() {
        SqliteDb db((options_.workDir / "server.db").string());
        auto st = db.prepare("SELECT text FROM notes WHERE text LIKE ?");
        st.bind(1, "fault-campaign " + tag_ + " %");
        std::map<std::string, int> counts;
        const std::size_t idAt = std::string("fault-campaign ").size() + tag_.size() + 1;
        while (st.step()) {
            const std::string text = st.text(0);
            ++counts[text.substr(idAt, text.find(' ', idAt) - idAt)];
        }
        return counts;
    }

    // Waits until every counselor's outbox is empty and every typed note is on the server.
    void settle() {
        const auto deadline = Clock::now() + std::chrono::seconds(180);
        while (Clock::now() < deadline) {
            for (Counselor& c : counselors_) {
                c.pending.reset();
                c.process.writeLine("status");
            }
            pumpFor(milliseconds(500));
            bool empty = true;
            for (Counselor& c : counselors_)
                empty = empty && c.pending == 0;
            const auto stored = storedCounts();
            bool allTyped = true;
            for (const std::string& id : typed_)
                allTyped = allTyped && stored.count(id) > 0;
            if (empty && allTyped) {
                pumpFor(milliseconds(1000));  // a late duplicate would land now
                return;
            }
        }
        std::fprintf(stderr, "fault campaign: not settled after 180 s\n");
    }

    void tally() {
        const auto stored = storedCounts();
        report_.sent = static_cast<int>(sent_.size());
        report_.typed = static_cast<int>(typed_.size());
        report_.stored = static_cast<int>(stored.size());
        for (const std::string& id : typed_) {
            if (!stored.count(id)) {
                ++report_.lost;
                std::fprintf(stderr, "LOST: note %s (typed, not on the server)\n", id.c_str());
            }
        }
        for (const auto& [id, count] : stored) {
            if (count > 1) {
                ++report_.duplicated;
                std::fprintf(stderr, "DUPLICATED: note %s stored %d times\n", id.c_str(), count);
            }
            if (!typed_.count(id))
                ++report_.unconfirmedStored;
            if (!sent_.count(id))
                std::fprintf(stderr, "UNKNOWN: note %s was never sent\n", id.c_str());
        }
        for (const std::string& r : rejected_)
            std::fprintf(stderr, "REJECTED: %s\n", r.c_str());
    }

    const CampaignOptions& options_;
    ServerProcess& server_;
    std::mt19937_64& rng_;
    FaultProxy proxy_;
    std::string tag_;
    std::vector<Counselor> counselors_;
    std::set<std::string> sent_, typed_;
    std::vector<std::string> rejected_;
    NotesReport report_;
};

}  // namespace

NotesReport runNotesCampaign(const CampaignOptions& options, ServerProcess& server,
                             std::mt19937_64& rng) {
    NotesCampaign campaign(options, server, rng);
    return campaign.run();
}

}  // namespace agentdesk::fault
