#include "bench/assist_eval.h"

#include <chrono>
#include <fstream>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "resources/embedded.h"
#include "server/assist/note_drafter.h"
#include "server/assist/transcript_mask.h"
#include "server/kb/text_index.h"

namespace agentdesk::bench {

namespace as = server::assist;
namespace kb = server::kb;
using nlohmann::json;

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::string withoutSpaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ')
            out.push_back(c);
    }
    return out;
}

}  // namespace

std::vector<LabelledCall> loadLabelledCalls(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::vector<LabelledCall> calls;
    std::string text;
    int number = 0;
    while (std::getline(in, text)) {
        ++number;
        if (text.empty())
            continue;
        try {
            const json j = json::parse(text);
            LabelledCall call;
            call.id = j.at("id").get<std::string>();
            call.request.lang = *as::parseLang(j.at("lang").get<std::string>());
            call.request.queue = j.at("queue").get<std::string>();
            if (!j.at("intent").is_null())
                call.request.intent = j.at("intent").get<std::string>();
            call.code = j.at("code").get<std::string>();
            call.sentiment = j.at("sentiment").get<std::string>();
            call.goldNote = j.at("goldNote").get<std::string>();
            call.facts = j.at("facts").get<std::vector<std::string>>();
            for (const auto& l : j.at("lines")) {
                as::Line line;
                line.speaker = *as::parseSpeaker(l.at("speaker").get<std::string>());
                line.text = l.at("text").get<std::string>();
                line.atSec = l.value("atSec", 0);
                call.request.lines.push_back(std::move(line));
                call.abuseLabels.push_back(
                    l.at("abusive").is_null() ? std::string() : l.at("abusive").get<std::string>());
            }
            calls.push_back(std::move(call));
        } catch (const std::exception& e) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    return calls;
}

server::assist::NoteTemplates demoNoteTemplates() {
    as::NoteTemplates out;
    const json center = json::parse(resources::demoCenterJson());
    for (const auto& w : center.at("wrapupCodes"))
        out[w.at("code").get<std::string>()] = {w.value("templateKo", ""),
                                                w.value("templateEn", "")};
    return out;
}

AssistScores evaluate(const as::AssistEngine& engine, const as::NoteTemplates& templates,
                      const std::vector<LabelledCall>& calls) {
    AssistScores s;
    int top1 = 0, top3 = 0, flagged = 0, falseFlags = 0, facts = 0, factsFound = 0;
    double kept = 0;
    // Sentiment confusion: gold → predicted counts.
    std::map<std::string, std::map<std::string, int>> confusion;
    for (const LabelledCall& call : calls) {
        ++s.calls;
        // Line by line, as a live call is analysed.
        std::vector<double> customerScores;
        as::Checklist checklist(engine.lexicon(), call.request.lang, call.request.queue);
        std::vector<as::Line> lines;
        int abusiveCount = 0;
        for (std::size_t i = 0; i < call.request.lines.size(); ++i) {
            const auto start = std::chrono::steady_clock::now();
            as::Line line = call.request.lines[i];
            line.text = as::maskTranscriptText(line.text);
            const double score = engine.sentiment().score(call.request.lang, line.text);
            std::optional<as::AbuseCategory> abuse;
            if (line.speaker == as::Speaker::Customer) {
                customerScores.push_back(score);
                abuse = engine.abuse().detect(call.request.lang, line.text);
            }
            checklist.add(line, static_cast<int>(i));
            s.segmentMs.push_back(msSince(start));
            const bool gold = !call.abuseLabels[i].empty();
            if (gold) {
                ++s.abusiveLines;
                if (abuse)
                    ++flagged;
                else
                    s.misses.push_back(call.id + " abuse missed: " + line.text);
            } else {
                ++s.cleanLines;
                if (abuse) {
                    ++falseFlags;
                    s.misses.push_back(call.id + " false flag (" + as::toString(*abuse) +
                                       "): " + line.text);
                }
            }
            abusiveCount += abuse ? 1 : 0;
            lines.push_back(std::move(line));
        }
        const auto sentiment = as::callSentiment(customerScores);
        const std::string predicted = as::toString(sentiment.label);
        ++confusion[call.sentiment][predicted];
        if (predicted != call.sentiment)
            s.misses.push_back(call.id + " sentiment " + call.sentiment + " → " + predicted);

        const auto start = std::chrono::steady_clock::now();
        const auto wrapup = engine.predictor().predict(
            {call.request.lang, call.request.intent, lines, abusiveCount});
        const as::Draft draft = engine.draft(call.request.lang, wrapup, lines, templates);
        s.draftMs.push_back(msSince(start));

        if (!wrapup.empty() && wrapup.front().code == call.code)
            ++top1;
        else
            s.misses.push_back(call.id + " code " + call.code + " → " +
                               (wrapup.empty() ? std::string("none") : wrapup.front().code));
        for (const auto& c : wrapup)
            top3 += c.code == call.code;
        const std::string draftText = kb::lowerAscii(withoutSpaces(draft.text));
        for (const std::string& fact : call.facts) {
            ++facts;
            if (draftText.find(kb::lowerAscii(withoutSpaces(fact))) != std::string::npos)
                ++factsFound;
            else
                s.misses.push_back(call.id + " fact missing: " + fact);
        }
        kept += as::keptShare(draft.text, call.goldNote);
    }
    const auto n = static_cast<double>(std::max(1, s.calls));
    s.top1 = top1 / n;
    s.top3 = top3 / n;
    s.abuseRecall = s.abusiveLines ? static_cast<double>(flagged) / s.abusiveLines : 1.0;
    s.falseFlagRate = s.cleanLines ? static_cast<double>(falseFlags) / s.cleanLines : 0.0;
    s.factCoverage = facts ? static_cast<double>(factsFound) / facts : 1.0;
    s.keptShare = kept / n;
    // Macro-F1 over the three labels that occur in the gold set.
    double f1sum = 0;
    int labels = 0;
    for (const char* label : {"negative", "neutral", "positive"}) {
        int tp = confusion[label][label], goldCount = 0, predictedCount = 0;
        for (const auto& [p, count] : confusion[label])
            goldCount += count;
        for (auto& [g, row] : confusion)
            predictedCount += row[label];
        if (goldCount == 0)
            continue;
        ++labels;
        const double precision = predictedCount ? static_cast<double>(tp) / predictedCount : 0;
        const double recall = static_cast<double>(tp) / goldCount;
        f1sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
    s.sentimentMacroF1 = labels ? f1sum / labels : 0;
    return s;
}

}  // namespace agentdesk::bench
