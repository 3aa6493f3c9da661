#pragma once
// SipCallControl's record of one call and its legs, shared by its two source files
// (engine reports in sip_call_control.cpp, the ACD's commands in
// sip_call_control_commands.cpp) and nobody else.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/phone.h"
#include "server/calls/sip/sip_call_control.h"

namespace agentdesk::server {

struct SipCallControl::Call {
    std::string id;
    sip::LegId caller = 0;
    bool inbound = true;
    std::string callerE164;
    std::map<std::string, sip::LegId> ringing;  // agentId → leg still ringing
    std::set<std::string> answering;            // desktop Answer: rung again with auto-answer
    std::string agentId;
    sip::LegId agent = 0;
    bool agentUp = false;  // the agent's leg answered (outbound: the phone picked up)
    std::string supervisorId;
    sip::LegId supervisor = 0;
    bool supervisorUp = false;
    std::optional<SupervisionMode> mode;
    sip::LegId outside = 0;  // a consulted number, or where the caller was transferred
    bool outsideUp = false;
    // Attended transfer: the agent talks to the consulted agent (or number) first.
    std::string consultAgentId;
    sip::LegId consulted = 0;
    bool consultingOutside = false;
    std::string dialNumber;  // outbound: the customer's number, dialled once the phone answers
    std::uint64_t recordingId = 0;
    bool queued = false;
    bool held = false;
    bool muted = false;
    bool bridged = false;       // caller and agent talk (ACD connected)
    bool greetingDone = false;  // the recording notice has been heard
    std::uint64_t greetingPlay = 0;
    std::uint64_t announcementPlay = 0;
    std::uint64_t closingPlay = 0;
    bool ending = false;          // the ACD is done; waiting for the closing message
    bool transferredOut = false;  // the caller talks to an outside number; no ACD call any more
};

namespace sip_detail {

inline std::vector<std::string> asStrings(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const auto& f : files)
        out.push_back(f.string());
    return out;
}

// A number as phones and gateways show it in a From header: local format, digits only.
inline std::string dialString(const std::string& e164) {
    std::string digits;
    for (char c : phone::formatLocal(e164)) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits.push_back(c);
    }
    return digits.empty() ? "anonymous" : digits;
}

}  // namespace sip_detail

}  // namespace agentdesk::server
