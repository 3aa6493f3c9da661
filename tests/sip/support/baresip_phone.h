#pragma once
// A headless baresip 1.0 phone process driven over ctrl_tcp: plays a tone, records what it hears.
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/sip/support/child_process.h"

namespace agentdesk::siptest {

using namespace std::chrono_literals;

struct BaresipPhoneOptions {
    std::string name = "phone";  // run directory name, log prefix
    std::string user = "1000";   // the extension: user part of the AOR
    std::string password{};      // auth_pass; empty = no credentials
    // "127.0.0.1:PORT" of the registrar (the AOR's domain, so calls go there too); empty =
    // no registration, the phone only makes and takes direct calls (sipUri()).
    std::string registrar{};
    double toneHz = 440;          // what this phone says, all call long; 0 = silence
    double toneAmplitude = 0.25;  // peak; 0.25 reads -15 dBFS in the probe
    // baresip 1.0 closes the call when its aufile source reaches the end (AUDIO_ERROR), so
    // this must outlast every call of the test.
    double toneSeconds = 120;
    bool autoAnswer = false;
    std::vector<std::string> codecs = {"pcma", "pcmu"};
    std::vector<std::string> extraConfig{};  // more config lines, e.g. "module g722.so"
};

class BaresipPhone {
public:
    explicit BaresipPhone(BaresipPhoneOptions options);
    // quit, then SIGTERM twice (the first one only starts a graceful stop), then SIGKILL.
    ~BaresipPhone();
    BaresipPhone(const BaresipPhone&) = delete;
    BaresipPhone& operator=(const BaresipPhone&) = delete;

    // Writes the config dir, spawns baresip, connects to ctrl_tcp and creates the account
    // (and registers if a registrar is set). Throws std::runtime_error with the log tail.
    void start(std::chrono::milliseconds timeout = 10s);
    void stop();
    bool running();

    // Commands on the current call; true when baresip answered ok. They return at once: wait
    // for the event (CALL_ESTABLISHED, CALL_CLOSED, ...) to know the effect.
    bool dial(const std::string& uri);  // a URI, or an extension (completed with the registrar)
    bool accept();
    bool hangup();
    // re-INVITE sendonly. baresip 1.0 bug: this ends the call's dec dump on both phones for
    // good (see the top of baresip_phone.cpp); test what is heard on hold another way.
    bool hold();
    bool resume();
    bool sendDtmf(const std::string& digits);  // RFC 4733 events, e.g. "12#"
    bool mute(bool on);  // baresip only toggles; its answer tells the new state
    // Any ctrl_tcp command; the response JSON ({"ok":…, "data":…}), or null on timeout.
    nlohmann::json command(const std::string& name, const std::string& params = {},
                           std::chrono::milliseconds timeout = 5s);

    // The first not yet taken event of this type (e.g. "CALL_ESTABLISHED"), waiting up to
    // `timeout`; taking it means a second wait for the same type needs a second event. Each
    // event carries "harness_ms": milliseconds since start() when it arrived.
    std::optional<nlohmann::json> waitEvent(const std::string& type,
                                            std::chrono::milliseconds timeout = 10s);
    // Same for the first of several types (e.g. REGISTER_OK or REGISTER_FAIL).
    std::optional<nlohmann::json> waitAnyEvent(const std::vector<std::string>& types,
                                               std::chrono::milliseconds timeout = 10s);
    bool waitRegistered(std::chrono::milliseconds timeout = 10s);
    std::vector<nlohmann::json> events() const;  // every event so far, taken or not

    const BaresipPhoneOptions& options() const { return options_; }
    std::string sipUri() const;  // sip:user@127.0.0.1:port, for direct calls
    int sipPort() const { return sipPort_; }
    int ctrlPort() const { return ctrlPort_; }
    const std::filesystem::path& dir() const { return dir_; }
    // Newest sndfile dumps: "-dec" = what the phone heard, "-enc" = what it sent; empty path
    // if none. Complete after CALL_CLOSED; during a call they read up to what is written.
    std::filesystem::path heardWav() const;
    std::filesystem::path sentWav() const;
    std::vector<std::filesystem::path> heardWavs() const;  // oldest first
    std::string logTail(std::size_t lines = 30) const;
    // Name, ports, event types seen and log tail, for INFO() in a failing test.
    std::string diagnostics() const;

private:
    struct Event {
        nlohmann::json json;
        bool taken = false;
    };
    void readLoop();
    void handleMessage(const std::string& text);
    bool ok(const nlohmann::json& response) const;
    std::vector<std::filesystem::path> dumps(const std::string& suffix) const;
    void writeConfig() const;
    std::string accountLine() const;

    BaresipPhoneOptions options_;
    std::filesystem::path dir_;
    int sipPort_ = 0;
    int ctrlPort_ = 0;
    ChildProcess process_;
    int socket_ = -1;
    std::thread reader_;
    std::chrono::steady_clock::time_point startedAt_;
    int nextToken_ = 1;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Event> events_;
    std::map<std::string, nlohmann::json> responses_;
    bool connected_ = false;
};

}  // namespace agentdesk::siptest
