#pragma once
// Agent assist on the desktop (docs/assist.md): follows the assist events of the call on
// screen — the counselor's own call, or the call a team lead listens to — and keeps its masked
// transcript with each line's mood and abuse mark, the suggestions, the checklist and, at
// hang-up, the drafted note. For leads it also keeps each live call's customer mood
// (assist.sentiment), by agent.
//
// Threads: the GUI thread (events come from ClientSession).
#include <optional>

#include <QHash>
#include <QList>
#include <QObject>

#include "crm/api/api_client.h"
#include "crm/events/event_stream.h"
#include "crm/model/assist.h"

namespace agentdesk::crm {

class AssistSession : public QObject {
    Q_OBJECT
public:
    explicit AssistSession(ApiClient& api, QObject* parent = nullptr);

    // assist.update, assist.draft, assist.sentiment; anything else is ignored.
    void applyEvent(const StreamEvent& event);
    // Starts over with a whole transcript (a lead starting to listen, GET /calls/{id}/transcript).
    void load(const CallTranscript& transcript);
    // Reads a call's transcript from the server (GET /calls/{id}/transcript) and load()s it; the
    // live events keep it going while the call lasts. A failure clears and emits loadFailed.
    void loadCall(const QString& callId);
    void clear();

    const QString& callId() const { return callId_; }
    const QList<AssistLine>& lines() const { return lines_; }
    const AssistMood& mood() const { return mood_; }
    const QList<AssistSuggestion>& suggestions() const { return suggestions_; }
    const QList<AssistCheckItem>& checklist() const { return checklist_; }
    const std::optional<AssistDraft>& draft() const { return draft_; }
    // The customer's mood on an agent's live call (leads); nullopt when none is known.
    std::optional<AssistSentiment> moodOfAgent(const QString& agentId) const;

signals:
    // Another call's assist started: what was shown belongs to the previous call.
    void callChanged(const QString& callId);
    void lineAdded(const agentdesk::crm::AssistLine& line);
    // Mood, suggestions or checklist changed.
    void updated();
    // The call's first abusive line: the counselor is offered the warning.
    void abuseDetected(const QString& callId, const agentdesk::crm::AssistLine& line);
    void draftReady(const agentdesk::crm::AssistDraft& draft);
    void agentMoodChanged(const agentdesk::crm::AssistSentiment& sentiment);
    void loadFailed(const QString& callId, const agentdesk::crm::ApiError& error);

private:
    void follow(const QString& callId);

    ApiClient& api_;
    quint64 loadGeneration_ = 0;
    QString callId_;
    QList<AssistLine> lines_;
    AssistMood mood_;
    QList<AssistSuggestion> suggestions_;
    QList<AssistCheckItem> checklist_;
    std::optional<AssistDraft> draft_;
    bool abuseSeen_ = false;
    QHash<QString, AssistSentiment> moods_;  // by agent id
};

}  // namespace agentdesk::crm
