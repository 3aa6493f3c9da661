#include "tests/sip/parity/sip_parity_telephony.h"

#include <stdexcept>
#include <thread>

#include "server/calls/sip/sip_call_control.h"
#include "tests/sip/sip_center.h"
#include "tests/sip/support/work_dir.h"

namespace agentdesk::siptest {

using nlohmann::json;
using namespace std::chrono_literals;

namespace {

// Spec keys only a simulated caller can honour.
constexpr const char* kSimOnly[] = {"talkSec", "transcript", "waitedSec", "ivrSec"};

}  // namespace

SipParityTelephony::SipParityTelephony() = default;
SipParityTelephony::~SipParityTelephony() {
    test::HttpClient::setBeforeRequest(nullptr);
}

void SipParityTelephony::configure(server::ServerConfig& config) {
    dir_ = makeRunDir("parity");
    gateway_ = std::make_unique<LoopPhone>(LoopPhoneOptions{"gateway", "", "", true});
    gateway_->start();
    const std::string gatewayUri = gateway_->uri();
    config.telephony = server::ServerConfig::Telephony::Sip;
    config.sipHost = "127.0.0.1";
    config.sipPort = 0;
    config.sipTrunks = {"127.0.0.1"};
    config.sipOutbound = "sip:" + gatewayUri.substr(gatewayUri.find('@') + 1);
    config.recordingsDir = (dir_ / "recordings").string();
    config.promptsDir = shortGreetingPrompts(dir_, true).string();
    config.rtpTimeoutSec = 30;
}

void SipParityTelephony::started(test::TestServer& server) {
    server_ = &server;
    registrar_ = "127.0.0.1:" + std::to_string(server.app().sip()->sipPort());
    test::HttpClient::setBeforeRequest([this] { settle(); });
}

void SipParityTelephony::stopping() {
    test::HttpClient::setBeforeRequest(nullptr);
}

void SipParityTelephony::settle() {
    // The simulator answers at once; a phone takes a round trip. The next command (or the
    // clock) goes on once it has picked up.
    const bool quiet = test::eventually([&] {
        std::size_t n = 0;
        server_->app().runOnIo([&] { n = server_->app().sip()->legsSettingUp(); });
        return n == 0;
    });
    if (!quiet)
        throw std::runtime_error("a phone or the gateway did not pick up");
}

void SipParityTelephony::loggedIn(const test::HttpClient& user) {
    const json me = user.get("/api/v1/agents/me").json();
    const std::string ext = me.contains("extension") && me["extension"].is_string()
                                ? me["extension"].get<std::string>()
                                : std::string();
    if (ext.empty() || phones_.count(ext))
        return;
    auto phone = std::make_unique<LoopPhone>(LoopPhoneOptions{ext, "demo", registrar_, false});
    phone->start();
    phones_[ext] = std::move(phone);
    const bool registered = test::eventually(
        [&] {
            const json a = user.get("/api/v1/agents/me").json();
            return a["phone"].is_object() && a["phone"].value("registered", false);
        },
        5s);
    if (!registered)
        throw std::runtime_error("the phone of extension " + ext +
                                 " registered, but the agent "
                                 "does not show it");
}

std::string SipParityTelephony::callerNumber(const json& spec) {
    if (spec.contains("phone"))
        return spec["phone"].get<std::string>();
    if (!spec.contains("customerId"))
        throw std::runtime_error("give phone or customerId");
    std::optional<std::string> number;
    const std::string customerId = spec["customerId"];
    server_->app().runOnIo([&] { number = server_->app().store().primaryPhone(customerId); });
    if (!number)
        throw std::runtime_error("unknown customer " + customerId);
    return *number;
}

std::string SipParityTelephony::injectCall(const json& spec) {
    for (const char* key : kSimOnly) {
        if (spec.contains(key))
            throw std::runtime_error(std::string("a SIP caller cannot do '") + key +
                                     "': this test is for the simulator only");
    }
    std::string user;
    for (char c : callerNumber(spec)) {
        if (c == '+' || (c >= '0' && c <= '9'))
            user += c;
    }
    std::string headers;
    if (spec.contains("intent"))
        headers += "X-AgentDesk-Intent: " + spec["intent"].get<std::string>() + "\r\n";
    if (spec.contains("verified"))
        headers += std::string("X-AgentDesk-Verified: ") +
                   (spec["verified"].get<bool>() ? "yes" : "no") + "\r\n";
    Caller caller;
    caller.phone = std::make_unique<LoopPhone>(LoopPhoneOptions{user, "", "", false});
    caller.phone->start();
    const std::string queue = spec.value("queue", "general");
    if (!caller.phone->call("sip:" + queue + "@" + registrar_, headers))
        throw std::runtime_error("the SIP call to queue " + queue + " was not answered");
    caller.callId = caller.phone->answeredCallId();
    if (spec.contains("patienceSec"))
        caller.hangsUpAt = server_->clock().now() + std::chrono::seconds(spec["patienceSec"]);
    const std::string id = caller.callId;
    callers_.push_back(std::move(caller));
    return id;
}

bool SipParityTelephony::waitCallGone(const std::string& callId) {
    return test::eventually([&] {
        bool active = true;
        server_->app().runOnIo([&] { active = server_->app().telephony().callActive(callId); });
        return !active;
    });
}

void SipParityTelephony::advancing() {
    settle();
}

std::optional<TimePoint> SipParityTelephony::nextDeadline() const {
    std::optional<TimePoint> next;
    for (const auto& c : callers_) {
        if (c.hangsUpAt && (!next || *c.hangsUpAt < *next))
            next = c.hangsUpAt;
    }
    return next;
}

void SipParityTelephony::advanced() {
    const TimePoint now = server_->clock().now();
    for (auto& c : callers_) {
        if (!c.hangsUpAt || *c.hangsUpAt > now)
            continue;
        c.hangsUpAt.reset();
        std::optional<server::CallState> state;
        server_->app().runOnIo([&] { state = server_->app().telephony().callState(c.callId); });
        if (state != server::CallState::Queued && state != server::CallState::Ringing)
            continue;  // answered (or over) before the caller lost patience
        c.phone->hangupAll();
        if (!waitCallGone(c.callId))
            throw std::runtime_error("call " + c.callId + " still active after the caller's BYE");
    }
}

}  // namespace agentdesk::siptest
