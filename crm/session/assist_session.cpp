#include "crm/session/assist_session.h"

namespace agentdesk::crm {

AssistSession::AssistSession(ApiClient& api, QObject* parent) : QObject(parent), api_(api) {}

void AssistSession::loadCall(const QString& callId) {
    const quint64 generation = ++loadGeneration_;
    if (callId.isEmpty()) {
        clear();
        return;
    }
    api_.callTranscript(
        this, callId,
        [this, generation, callId](const CallTranscript& transcript, const ApiError& error) {
            if (generation != loadGeneration_)
                return;  // another call was asked for meanwhile
            if (!error.ok()) {
                clear();
                emit loadFailed(callId, error);
                return;
            }
            load(transcript);
        });
}

void AssistSession::follow(const QString& callId) {
    if (callId == callId_)
        return;
    callId_ = callId;
    lines_.clear();
    mood_ = {};
    suggestions_.clear();
    checklist_.clear();
    draft_.reset();
    abuseSeen_ = false;
    emit callChanged(callId_);
}

void AssistSession::clear() {
    follow(QString());
}

void AssistSession::load(const CallTranscript& transcript) {
    follow(transcript.callId);
    lines_ = transcript.lines;
    mood_ = transcript.mood;
    checklist_ = transcript.checklist;
    for (const AssistLine& line : lines_)
        abuseSeen_ = abuseSeen_ || !line.abusive.isEmpty();
    emit callChanged(callId_);
    emit updated();
}

void AssistSession::applyEvent(const StreamEvent& event) {
    if (event.type == QLatin1String("assist.update")) {
        const AssistUpdate u = AssistUpdate::fromJson(event.data);
        if (u.callId.isEmpty())
            return;
        follow(u.callId);
        mood_ = u.mood;
        suggestions_ = u.suggestions;
        checklist_ = u.checklist;
        if (u.hasLine && (lines_.isEmpty() || u.line.index > lines_.last().index)) {
            lines_.append(u.line);
            emit lineAdded(u.line);
            if (!u.line.abusive.isEmpty() && !abuseSeen_) {
                abuseSeen_ = true;
                emit abuseDetected(u.callId, u.line);
            }
        }
        emit updated();
    } else if (event.type == QLatin1String("assist.draft")) {
        const AssistDraft d = AssistDraft::fromJson(event.data);
        if (d.callId.isEmpty())
            return;
        if (d.callId == callId_ || callId_.isEmpty()) {
            callId_ = d.callId;
            draft_ = d;
        }
        emit draftReady(d);
    } else if (event.type == QLatin1String("assist.sentiment")) {
        const AssistSentiment s = AssistSentiment::fromJson(event.data);
        if (s.agentId.isEmpty())
            return;
        moods_.insert(s.agentId, s);
        emit agentMoodChanged(s);
    }
}

std::optional<AssistSentiment> AssistSession::moodOfAgent(const QString& agentId) const {
    auto it = moods_.find(agentId);
    if (it == moods_.end())
        return std::nullopt;
    return *it;
}

}  // namespace agentdesk::crm
