#pragma once
// The ACD's typed views and events as the API's JSON (docs/api.md): the only place that knows
// their wire shape. AcdEventPresenter is the ACD's event sink: it renders each event and hands
// it to the event hub with its audience.
//
// Threads: I/O thread (called from inside the ACD).
#include <functional>

#include <nlohmann/json.hpp>

#include "server/acd/acd_events.h"
#include "server/events/event_publisher.h"

namespace agentdesk::server {

nlohmann::json callJson(const CallView& call);
nlohmann::json agentJson(const AgentView& agent);
nlohmann::json agentsJson(const std::vector<AgentView>& agents);
nlohmann::json queueStatsJson(const QueueStatsView& stats);
nlohmann::json queuesJson(const std::vector<QueueStatsView>& queues);
nlohmann::json capabilitiesJson(const Capabilities& caps);
nlohmann::json phoneJson(const PhoneStatus& phone, const std::string& extension);
nlohmann::json supervisionJson(const std::optional<SupervisionView>& supervision);

class AcdEventPresenter final : public AcdEventSink {
public:
    // suggestArticles: knowledge articles for a call's IVR intent (shown before the counselor
    // types anything).
    AcdEventPresenter(EventPublisher& hub,
                      std::function<nlohmann::json(const std::string& intent)> suggestArticles);

    void agentState(const std::string& agentId, AgentState state, const std::string& reason,
                    TimePoint since, const std::string& requestId, const std::string& extension,
                    const std::optional<PhoneStatus>& phone) override;
    void callOffered(const std::string& agentId, const CallView& call,
                     const std::optional<std::string>& consultFrom) override;
    void callState(const std::string& agentId, const CallView& call, const std::string& requestId,
                   const std::optional<std::string>& consultResult) override;
    void callEnded(const std::string& agentId, const std::string& callId, const std::string& reason,
                   const std::string& requestId) override;
    void queueStats(const QueueStatsView& stats) override;
    void alert(const AlertRecord& alert) override;
    void supervision(const std::string& callId, const std::string& agentId,
                     const std::string& supervisorId,
                     const std::optional<SupervisionView>& supervision, const std::string& reason,
                     const std::string& requestId) override;
    void transcript(const std::string& agentId, const std::string& callId,
                    const TranscriptLine& line) override;
    void dtmfReceived(const std::string& agentId, const std::string& callId,
                      const std::string& digits) override;

private:
    EventPublisher& hub_;
    std::function<nlohmann::json(const std::string&)> suggestArticles_;
};

}  // namespace agentdesk::server
