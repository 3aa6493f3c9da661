#include "tests/sip/sip_center.h"

#include <stdexcept>
#include <thread>

#include "server/calls/prompts/prompt_library.h"
#include "server/calls/sip/sip_call_control.h"
#include "tests/sip/support/tone_wav.h"
#include "tests/sip/support/work_dir.h"

namespace agentdesk::siptest {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path shortGreetingPrompts(const fs::path& dir, bool shortProtection) {
    std::string why;
    const auto prompts = server::prompts::findPromptDir({}, &why);
    if (!prompts)
        throw std::runtime_error("no prompts built: " + why);
    const fs::path promptCopy = dir / "prompts";
    fs::copy(*prompts, promptCopy, fs::copy_options::recursive);
    // Recorded prompts replace generated ones file by file (docs/prompts.md): a short greeting.
    for (const char* lang : {"ko", "en"}) {
        const auto l = lang[0] == 'k' ? server::prompts::Lang::Ko : server::prompts::Lang::En;
        auto ids = server::prompts::greetingIds(l);
        if (shortProtection) {
            for (const auto& more :
                 {server::prompts::abuseWarningIds(l), server::prompts::protectionClosingIds(l)})
                ids.insert(ids.end(), more.begin(), more.end());
        }
        for (const auto& id : ids)
            writeToneWav(promptCopy / lang / (id + ".wav"), 0, 0, 0.2);
    }
    return promptCopy;
}

SipCenter::SipCenter(std::string outboundUri,
                     const std::function<void(server::ServerConfig&)>& adjust) {
    dir_ = makeRunDir("center");
    recordings_ = dir_ / "recordings";
    const fs::path promptCopy = shortGreetingPrompts(dir_);
    server::ServerConfig config;
    config.port = 0;
    config.dbPath = ":memory:";
    config.demo = true;
    config.demoRate = 0;
    config.demoKnowledge = false;
    config.telephony = server::ServerConfig::Telephony::Sip;
    config.sipHost = "127.0.0.1";
    config.sipPort = 0;
    config.sipTrunks = {"127.0.0.1"};
    config.recordingsDir = recordings_.string();
    config.promptsDir = promptCopy.string();
    config.rtpTimeoutSec = 30;
    config.sipOutbound = std::move(outboundUri);
    if (adjust)
        adjust(config);
    app_ = std::make_unique<server::ServerApp>(config);
    app_->start();
}

SipCenter::~SipCenter() {
    app_->stop();
}

std::unique_ptr<BaresipPhone> SipCenter::caller(double toneHz, const std::string& number) {
    BaresipPhoneOptions o;
    o.name = "caller";
    o.user = number;
    o.toneHz = toneHz;
    auto p = std::make_unique<BaresipPhone>(o);
    p->start();
    return p;
}

int SipCenter::openDescriptors() {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

std::string SipCenter::registrar() const {
    return "127.0.0.1:" + std::to_string(app_->sip()->sipPort());
}

std::string SipCenter::queueUri(const std::string& queue) const {
    return "sip:" + queue + "@" + registrar();
}

test::HttpClient SipCenter::login(const std::string& username) const {
    test::HttpClient c(url());
    c.login(username);
    return c;
}

std::unique_ptr<BaresipPhone> SipCenter::phone(const std::string& name,
                                               const std::string& extension, double toneHz,
                                               bool autoAnswer) const {
    BaresipPhoneOptions o;
    o.name = name;
    o.user = extension;
    o.password = "demo";
    o.registrar = registrar();
    o.toneHz = toneHz;
    o.autoAnswer = autoAnswer;
    auto p = std::make_unique<BaresipPhone>(o);
    p->start();
    if (!p->waitRegistered())
        throw std::runtime_error("phone " + extension + " did not register:\n" + p->diagnostics());
    return p;
}

std::optional<json> SipCenter::waitCall(const test::HttpClient& agent, const std::string& state,
                                        std::chrono::milliseconds timeout) const {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        const auto r = agent.get("/api/v1/calls/current");
        if (state.empty() && r.status == 404)
            return json(nullptr);
        if (r.status == 200 && r.json().value("state", "") == state)
            return r.json();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

bool SipCenter::waitAgent(const test::HttpClient& agent, const std::function<bool(const json&)>& ok,
                          std::chrono::milliseconds timeout) const {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        const auto r = agent.get("/api/v1/agents/me");
        if (r.status == 200 && ok(r.json()))
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

}  // namespace agentdesk::siptest
