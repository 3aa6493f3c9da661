#pragma once
// Domain types shared by the server's parts (store, ACD, routes).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time_util.h"

namespace agentdesk::server {

// Stt: a speech-to-text service account; it sends transcript lines and nothing else, and is
// never an agent of the ACD.
enum class Role { Counselor, TeamLead, Trainer, Stt };

inline std::string_view roleName(Role role) {
    switch (role) {
        case Role::Counselor:
            return "counselor";
        case Role::TeamLead:
            return "teamlead";
        case Role::Trainer:
            return "trainer";
        case Role::Stt:
            return "stt";
    }
    return "counselor";
}

inline std::optional<Role> parseRole(std::string_view name) {
    if (name == "counselor")
        return Role::Counselor;
    if (name == "teamlead")
        return Role::TeamLead;
    if (name == "trainer")
        return Role::Trainer;
    if (name == "stt")
        return Role::Stt;
    return std::nullopt;
}

// People who staff the center (the ACD's agents); a service account is not one.
inline bool isAgentRole(Role role) {
    return role != Role::Stt;
}

inline bool isSupervisor(Role role) {
    return role == Role::TeamLead || role == Role::Trainer;
}

struct User {
    std::string id;
    std::string username;
    std::string name;
    std::string nameEn;
    Role role = Role::Counselor;
    std::vector<std::string> skills;
    std::string extension;
    std::string passwordHash;  // libsodium crypto_pwhash_str (Argon2id)
    std::string sipHa1;     // the phone's digest credential (auth/sip_credentials.h); empty: none
    bool disabled = false;  // turned off by an administrator: no login, live tokens end
};

struct CustomerMatch {
    std::string id;
    std::string name;
    double score = 0;  // 1.0: the number is the customer's primary; lower for shared numbers
    bool abusiveHistory = false;
    bool vip = false;
};

// Who is looking at customer data, for masking (docs/api.md 7.6).
struct Viewer {
    std::string userId;
    Role role = Role::Counselor;
    // The customer on this user's current call: that customer's numbers are shown in full.
    std::optional<std::string> currentCallCustomerId;
    std::optional<std::string> currentCallerE164;
};

struct Note {
    std::string id;
    std::string idempotencyKey;
    std::optional<std::string> callId;
    std::string customerId;
    std::string wrapupCode;
    std::string text;
    std::string authorId;
    int version = 1;
    // The share of agent assist's drafted note the counselor kept (0…1); nullopt when the
    // call had no draft.
    std::optional<double> draftKept;
    TimePoint createdAt;
    TimePoint updatedAt;
};

// Agent assist's record of a finished call leg (docs/assist.md): the masked transcript with
// its analysis (JSON as GET /calls/{id}/transcript answers it) and the note drafted for it.
struct CallAssistRecord {
    std::string callId;
    std::string agentId;
    std::string lang;
    std::string queue;
    std::string analysisJson;
    std::string draftCode;
    std::string draftText;
    TimePoint at;
};

// One finished contact, written when a call leg ends.
struct InteractionRecord {
    std::string customerId;
    std::string callId;
    std::string channel = "call";
    std::string direction = "inbound";
    std::string queue;
    std::string reason;  // intent label / contact reason
    std::string endReason;
    std::string agentId;
    std::string agentName;
    TimePoint startedAt;
    int durationSec = 0;
};

}  // namespace agentdesk::server
