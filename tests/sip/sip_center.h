#pragma once
// A real agentdesk-server with SIP telephony on loopback for the call-flow tests: demo users
// (phones register as their extension with the password "demo"), no demo generator, a temp
// recordings directory, and the build's prompts with the long spoken greeting replaced by a
// short one so a test does not wait 20 s before the counselor answers.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "server/server_app.h"
#include "tests/sip/support/baresip_phone.h"
#include "tests/support/http_client.h"

namespace agentdesk::siptest {

// The build's prompts copied to dir/prompts with the spoken greeting (20 s) replaced by 0.2 s
// of silence (with shortProtection also the abuse warning and the protection closing); returns
// the copy's path. Throws when no prompts were built.
std::filesystem::path shortGreetingPrompts(const std::filesystem::path& dir,
                                           bool shortProtection = false);

class SipCenter {
public:
    // outboundUri: the gateway for calls to numbers (--sip-outbound), e.g. a SIPp echo.
    // adjust: changes the configuration before the server starts (a node of several).
    explicit SipCenter(std::string outboundUri = {},
                       const std::function<void(server::ServerConfig&)>& adjust = {});
    ~SipCenter();

    server::ServerApp& app() { return *app_; }
    std::string url() const { return app_->baseUrl(); }
    std::string registrar() const;  // "127.0.0.1:PORT"
    std::string queueUri(const std::string& queue) const;
    const std::filesystem::path& recordings() const { return recordings_; }

    test::HttpClient login(const std::string& username) const;
    // A phone for a demo user's extension, registered (and, with ready, the agent made ready).
    std::unique_ptr<BaresipPhone> phone(const std::string& name, const std::string& extension,
                                        double toneHz, bool autoAnswer = false) const;
    // Polls GET /calls/current until the call has `state` (nullopt: gone) or times out.
    std::optional<nlohmann::json> waitCall(
        const test::HttpClient& agent, const std::string& state,
        std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
    // Polls GET /agents/me until `field`'s value matches.
    bool waitAgent(const test::HttpClient& agent,
                   const std::function<bool(const nlohmann::json&)>& ok,
                   std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

    // A caller phone (no registration) playing `toneHz`.
    static std::unique_ptr<BaresipPhone> caller(double toneHz,
                                                const std::string& number = "01012345678");
    // Open file descriptors of this process (the server runs in it): leaks show here.
    static int openDescriptors();

private:
    std::filesystem::path dir_;
    std::filesystem::path recordings_;
    std::unique_ptr<server::ServerApp> app_;
};

}  // namespace agentdesk::siptest
