#pragma once
// Typed records that cross the ACD's interfaces: its configuration, what callers bring, and the
// views the routes turn into API JSON (the JSON itself is made in server/routes/acd_presenter).
#include <optional>
#include <string>
#include <vector>

#include "common/time_util.h"
#include "server/acd/agent_state.h"
#include "server/acd/kpi.h"
#include "server/domain.h"

namespace agentdesk::server {

struct AcdSettings {
    bool acwMandatory = true;
    int acwTimeoutSec = 120;
    int ringTimeoutSec = 15;
    int abuseWarningsBeforeHangup = 2;
    int ewtMinAnswered = 5;
    int outboundAnswerSec = 4;   // simulated callees pick up after this long
    int utcOffsetMinutes = 540;  // Asia/Seoul
    int statsMinIntervalMs = 2000;
    int longWaitAlertSec = 60;
    int positionAnnounceSec = 30;  // queued callers hear their position this often
    int protectionRestMin = 10;    // counselor protection: the rest after an abusive call
    std::string dnis = "+8215880000";
};

struct QueueIntent {
    std::string id;
    std::string labelKo;
    std::string labelEn;
    std::vector<std::string> ivrPath;
};

struct QueueConfig {
    std::string id;
    std::string name;
    std::string nameEn;
    std::string skill;
    int slThresholdSec = 20;
    double slTargetPct = 80;  // an sl_breach alert is raised when the service level drops below
    int recommendedTalkSec = 300;
    double weight = 1;
    std::vector<QueueIntent> intents;
};

// The not-ready reason of counselor protection's rest ("보호 휴식"): given by the ACD after an
// abusive call, never chosen by hand; no calls are routed; it ends by itself or when the
// counselor ends it early; counted apart from breaks.
inline constexpr const char* kProtectionReason = "protection";

struct NotReadyReason {
    std::string code;
    std::string labelKo;
    std::string labelEn;
};

struct TranscriptLine {
    std::string speaker;  // "customer" | "agent"
    std::string text;
    int atSec = 0;  // seconds after the call is answered
};

// A caller arriving: from the simulator (demo, scenarios) or from a SIP trunk.
struct InboundCallSpec {
    std::string aniE164;
    std::string queue;
    std::string intent;
    bool verified = false;
    std::optional<std::string> customerId;  // forces the match (demo calls by customer)
    std::optional<int> patienceSec;         // simulated: caller hangs up if not answered by then
    std::optional<int> talkSec;             // simulated: caller hangs up this long after answer
    int ivrSec = 0;                         // time already spent in the IVR
    int waitedSec = 0;  // time already spent waiting in the queue (scripted long waits)
    std::vector<TranscriptLine> transcript;
};

// Blind: the caller goes at once. Consult: the caller waits on hold with music while the target
// rings, and the target's answer completes the transfer. Attended: the target's answer connects
// the two agents (the caller still on hold); the transferring agent then completes the
// transfer or cancels it.
enum class TransferMode { Blind, Consult, Attended };

struct TransferTarget {
    enum class Kind { Queue, Agent, Number };
    Kind kind = Kind::Queue;
    std::string value;  // queue id, agent id, or E.164 number
};

enum class SupervisionMode { Listen, Whisper, Barge };
std::string_view supervisionModeName(SupervisionMode mode);
std::optional<SupervisionMode> parseSupervisionMode(std::string_view name);

struct SupervisionView {
    std::string supervisorId;
    std::string supervisorName;
    std::string supervisorNameEn;
    SupervisionMode mode = SupervisionMode::Listen;
    TimePoint since;
};

struct ConsultView {
    TransferTarget to;
    bool attended = false;
    bool talking = false;  // attended: the two agents talk
    std::optional<std::string> targetAgentId;
    TimePoint since;
};

struct CallView {
    std::string id;
    std::string direction;  // "inbound" | "outbound"
    std::string aniE164;
    std::string dnisE164;
    std::string queue;
    std::string queueName;
    std::string intent;
    std::string intentLabel;
    std::vector<std::string> ivrPath;
    bool verified = false;
    int waitedSec = 0;
    std::optional<std::string> customerId;
    std::vector<CustomerMatch> customerMatches;
    bool abusiveHistory = false;
    CallState state = CallState::Queued;
    bool muted = false;
    bool recordingPaused = false;
    int abuseWarnings = 0;
    int abuseWarningsRequired = 0;
    std::optional<std::string> agentId;
    int heldSec = 0;
    int recommendedTalkSec = 0;
    std::string dtmf;
    std::optional<TimePoint> offeredAt;   // while ringing
    std::optional<TimePoint> answeredAt;  // while connected or held
    std::optional<SupervisionView> supervision;
    std::optional<ConsultView> consult;
    bool recorded = false;  // a recording exists (real telephony)
};

// The phone an agent's calls ring on (real telephony only).
struct PhoneStatus {
    bool registered = false;
    std::string contact;    // where the phone registered from (sip:2001@host:port)
    std::string userAgent;  // what the phone says it is
};

struct AgentView {
    User user;  // without the password hash
    AgentState state = AgentState::LoggedOut;
    std::string reason;
    TimePoint since;
    int handledToday = 0;
    double ahtTodaySec = -1;
    int missedToday = 0;
    std::optional<std::string> callId;
    std::optional<std::string> queue;
    std::optional<std::string> customerName;
    std::optional<TimePoint> callSince;
    std::optional<SupervisionView> supervision;  // of the agent's own call
    struct Supervising {
        std::string callId;
        std::string agentId;
        SupervisionMode mode = SupervisionMode::Listen;
    };
    std::optional<Supervising> supervising;
    std::optional<PhoneStatus> phone;  // nullopt with simulated telephony
};

struct QueueStatsView {
    const QueueConfig* queue = nullptr;
    QueueKpis kpis;
    int ready = 0, onCall = 0, acw = 0, notReady = 0;
    int protection = 0;  // in counselor protection's rest (not in notReady)
    TimePoint windowStart;
    TimePoint at;
};

struct Capabilities {
    std::vector<std::string> features;
    AcdSettings settings;
    std::vector<NotReadyReason> reasons;
    std::vector<QueueConfig> queues;
    std::string telephony;  // "simulated" | "sip"
};

}  // namespace agentdesk::server
