#pragma once
// Agent assist's events as typed records (docs/api.md "Assist events"): assist.update per
// transcript line of the agent's call, assist.draft at hang-up, assist.sentiment for leads.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace agentdesk::crm {

// One masked line of the call's transcript with its analysis.
struct AssistLine {
    int index = -1;
    QString speaker;  // customer | agent
    QString text;
    int atSec = 0;
    double score = 0;   // -1…1
    QString sentiment;  // negative | neutral | positive
    QString abusive;    // insult | threat | profanity | sexual; empty: none
    static AssistLine fromJson(const QJsonObject& o);
};

struct AssistMood {
    QString overall;  // negative | neutral | positive
    double score = 0;
    QString trend;  // steady | improving | worsening
    int negativeRun = 0;
    static AssistMood fromJson(const QJsonObject& o);
};

struct AssistSuggestion {
    QString articleId, title;
    double score = 0;
};

struct AssistCheckItem {
    QString id, label;
    bool done = false;
    int index = -1;  // the line that ticked it
};

// `assist.update`: a line (absent when only the suggestions changed) and the call so far.
struct AssistUpdate {
    QString callId, lang;
    bool hasLine = false;
    AssistLine line;
    AssistMood mood;
    int abusiveLines = 0;
    QList<AssistSuggestion> suggestions;
    QList<AssistCheckItem> checklist;
    static AssistUpdate fromJson(const QJsonObject& o);
};

struct AssistCodeScore {
    QString code;
    double score = 0;
};

// `assist.draft`: the wrap-up codes best first (≤ 3) and the drafted note.
struct AssistDraft {
    QString callId, lang;
    QList<AssistCodeScore> wrapup;
    QString wrapupCode, text;
    static AssistDraft fromJson(const QJsonObject& o);
};

// `assist.sentiment` (leads): a live call's customer mood, no text.
struct AssistSentiment {
    QString callId, agentId;
    AssistMood mood;
    static AssistSentiment fromJson(const QJsonObject& o);
};

// GET /calls/{id}/transcript: the lines, checklist and mood of a call (live or finished).
struct CallTranscript {
    QString callId, agentId, lang;
    bool live = false;
    QList<AssistLine> lines;
    QList<AssistCheckItem> checklist;
    AssistMood mood;
    static CallTranscript fromJson(const QJsonObject& o);
};

}  // namespace agentdesk::crm
