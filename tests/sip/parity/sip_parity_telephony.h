#pragma once
// The call-flow API tests (tests/integration) run a second time against SIP telephony: the same
// TestServer, but with --telephony sip on loopback, a registered phone (LoopPhone) for every
// user who logs in and has an extension, injected calls placed as real SIP calls from a trunk
// address (the caller's number in From, the IVR's intent and verification in X-AgentDesk-*
// headers, the call id read from the server's 200 OK) and a gateway that answers outbound
// calls. Phones ring until the desktop's Answer sends the auto-answer hints, so RONA, reject
// and answer follow the same paths as with real phones.
//
// What only a simulated caller can do (talk time, scripted transcripts, time already waited
// before the call arrived) is refused with an exception: tests that need it are sim-only.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/sip/support/loop_phone.h"
#include "tests/support/test_server.h"

namespace agentdesk::siptest {

class SipParityTelephony : public test::TestTelephony {
public:
    SipParityTelephony();
    ~SipParityTelephony() override;

    void configure(server::ServerConfig& config) override;
    void started(test::TestServer& server) override;
    void loggedIn(const test::HttpClient& user) override;
    std::string injectCall(const nlohmann::json& spec) override;
    void advancing() override;
    void advanced() override;
    std::optional<TimePoint> nextDeadline() const override;
    void stopping() override;

private:
    struct Caller {
        std::string callId;
        std::unique_ptr<LoopPhone> phone;
        std::optional<TimePoint> hangsUpAt;  // patience: hangs up if not answered by then
    };
    std::string callerNumber(const nlohmann::json& spec);
    bool waitCallGone(const std::string& callId);
    void settle();  // waits until no leg is still being set up (SipCallControl::legsSettingUp)

    std::filesystem::path dir_;
    test::TestServer* server_ = nullptr;
    std::string registrar_;
    std::unique_ptr<LoopPhone> gateway_;
    std::map<std::string, std::unique_ptr<LoopPhone>> phones_;  // by extension
    std::vector<Caller> callers_;
};

}  // namespace agentdesk::siptest
