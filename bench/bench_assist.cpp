// Agent assist against the labelled call set (docs/assist.md): per language, wrap-up top-1 and
// top-3 accuracy, abusive-line recall and the false-flag rate on clean lines, sentiment
// macro-F1, how many of the facts a note must carry the drafts carry, how much of each draft a
// counselor would keep (against the gold note), and the time to analyse a line and to predict
// and draft at hang-up; each beside its target.
//   bench_assist [fixtures-dir] [--misses]
#include <cstdio>
#include <cstring>
#include <string>

#include "bench/assist_eval.h"
#include "bench/bench_util.h"

using namespace agentdesk;

namespace {

int failed = 0;

void row(const char* what, double value, const char* op, double target, const char* unit = "") {
    const bool ok = std::strcmp(op, ">=") == 0 ? value >= target : value <= target;
    failed += ok ? 0 : 1;
    std::printf("  %-34s %9.3f%s   target %s %.3f%s   %s\n", what, value, unit, op, target, unit,
                ok ? "ok" : "MISSED");
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = AGENTDESK_ASSIST_FIXTURES;
    bool showMisses = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--misses") == 0)
            showMisses = true;
        else
            dir = argv[i];
    }
    const server::assist::Lexicon lexicon = server::assist::Lexicon::builtIn();
    const server::assist::AssistEngine engine(lexicon);
    const auto templates = bench::demoNoteTemplates();
    for (const char* lang : {"ko", "en"}) {
        const auto calls = bench::loadLabelledCalls(dir + "/calls_" + std::string(lang) + ".jsonl");
        const auto s = bench::evaluate(engine, templates, calls);
        std::printf("%s: %d calls, %zu lines (%d abusive, %d clean)\n", lang, s.calls,
                    s.segmentMs.size(), s.abusiveLines, s.cleanLines);
        row("wrap-up top-1", s.top1, ">=", 0.85);
        row("wrap-up top-3", s.top3, ">=", 0.97);
        row("abusive lines found (recall)", s.abuseRecall, ">=", 0.90);
        row("clean lines flagged", s.falseFlagRate, "<=", 0.01);
        row("sentiment macro-F1", s.sentimentMacroF1, ">=", 0.70);
        row("facts carried by the drafts", s.factCoverage, ">=", 0.90);
        std::printf("  %-34s %9.3f\n", "share of a draft kept (gold note)", s.keptShare);
        row("analysis per line p95", bench::percentile(s.segmentMs, 95), "<=", 5.0, " ms");
        std::printf("  %-34s %9.3f ms\n", "analysis per line p50",
                    bench::percentile(s.segmentMs, 50));
        row("prediction + draft at hang-up p95", bench::percentile(s.draftMs, 95), "<=", 200.0,
            " ms");
        if (showMisses) {
            for (const auto& m : s.misses)
                std::printf("    miss: %s\n", m.c_str());
        }
    }
    std::printf("%s\n", failed ? "some targets MISSED" : "all targets met");
    return failed ? 1 : 0;
}
