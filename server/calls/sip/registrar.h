#pragma once
// The registrar for agents' phones: REGISTER with MD5 digest authentication against the
// configured accounts, one binding (the latest contact) per extension, Expires handling and
// expiry timers. The engine asks it where a phone is and whether an INVITE comes from one.
//
// Threads: re thread only.
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/calls/sip/engine_counters.h"
#include "server/calls/sip/re_includes.h"
#include "server/calls/sip/sip_engine.h"

namespace agentdesk::server::sip {

class Registrar {
public:
    using Changed = std::function<void(const Registration&)>;

    struct Binding {
        std::string extension;
        std::string contact;  // the Contact URI, where INVITEs to the phone go
        sa source{};          // where the REGISTER came from
        std::string userAgent;
        std::chrono::system_clock::time_point expires;
        tmr timer{};
        Registrar* owner = nullptr;
    };

    Registrar(::sip* stack, std::string realm, EngineCounters& counters, Changed changed);
    ~Registrar();
    Registrar(const Registrar&) = delete;
    Registrar& operator=(const Registrar&) = delete;

    void setAccounts(const std::vector<PhoneAccount>& accounts);
    // Handles a REGISTER request (always answers it).
    void handle(const sip_msg* msg);

    const Binding* find(const std::string& extension) const;
    // The extension of the registered phone this request comes from, empty if none: the same
    // source address as its REGISTER, or (TCP, other port) the same IP and the From user.
    std::string phoneFor(const sa& source, const std::string& fromUser) const;
    std::size_t size() const { return bindings_.size(); }

private:
    static void onExpire(void* arg);
    void challenge(const sip_msg* msg, bool stale);
    std::string makeNonce() const;
    bool nonceFresh(const pl& nonce) const;
    void remove(const std::string& extension, bool notify);
    void publish(const Binding& b, bool registered);

    ::sip* sip_;
    std::string realm_;
    EngineCounters& counters_;
    Changed changed_;
    std::string secret_;
    std::map<std::string, std::array<std::uint8_t, 16>> ha1_;  // extension → digest HA1
    std::map<std::string, std::unique_ptr<Binding>> bindings_;
};

}  // namespace agentdesk::server::sip
