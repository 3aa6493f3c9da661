#pragma once
// Agent assist measured against the labelled call set (tests/fixtures/assist/calls_*.jsonl,
// docs/assist.md): bench_assist prints the figures, a test holds the accuracy targets.
#include <string>
#include <vector>

#include "server/assist/assist_engine.h"

namespace agentdesk::bench {

struct LabelledCall {
    std::string id;
    server::assist::AnalyzeRequest request;
    std::string code, sentiment, goldNote;
    std::vector<std::string> facts;
    std::vector<std::string> abuseLabels;  // per line: "" when clean
};

// Reads a calls_*.jsonl file; throws std::runtime_error naming the line on a bad record.
std::vector<LabelledCall> loadLabelledCalls(const std::string& path);

struct AssistScores {
    int calls = 0;
    double top1 = 0, top3 = 0;  // wrap-up accuracy
    int abusiveLines = 0, cleanLines = 0;
    double abuseRecall = 0, falseFlagRate = 0;
    double sentimentMacroF1 = 0;
    double factCoverage = 0;          // gold facts found in the drafts
    double keptShare = 0;             // mean share of a draft kept in the gold note
    std::vector<double> segmentMs;    // per-line analysis time
    std::vector<double> draftMs;      // per-call wrap-up prediction and draft time
    std::vector<std::string> misses;  // what went wrong, for reading
};

AssistScores evaluate(const server::assist::AssistEngine& engine,
                      const server::assist::NoteTemplates& templates,
                      const std::vector<LabelledCall>& calls);

// The demo center's note templates (resources/demo/center.json).
server::assist::NoteTemplates demoNoteTemplates();

}  // namespace agentdesk::bench
