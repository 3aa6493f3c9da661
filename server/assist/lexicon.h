#pragma once
// The word lists and rules of agent assist (resources/assist/, docs/assist.md), parsed once and
// passed to the analysers. Built from the files compiled into the binary, or from given text
// (tests).
//
// Threads: immutable after construction; any thread may read it.
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "server/assist/assist_types.h"

namespace agentdesk::server::assist {

// A phrase of a word list, in the form it is matched in (assist_text.h, phrase_match.h).
struct Phrase {
    std::u32string text;                // Korean: letters with no spaces; English: folded words
    std::vector<std::u32string> words;  // English: text's words
    bool prefix = false;                // the last word may go on (trailing * in the file)
};

struct AbusePattern {
    Lang lang = Lang::Ko;
    AbuseCategory category = AbuseCategory::Insult;
    Phrase phrase;
};

struct SentimentLexicon {
    struct Entry {
        Phrase phrase;
        double value = 0;
    };
    std::vector<Entry> words, unmet, intensifiers;
    std::vector<Phrase> negators, after, endings;
};

struct WrapupKeyword {
    Phrase phrase;
    double weight = 0;
};

struct ChecklistRule {
    std::string id, labelKo, labelEn;
    std::vector<Phrase> ko, en;
};

class LexiconError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Lexicon {
    std::vector<AbusePattern> abuse;  // Korean ones with their initial-consonant variants
    std::vector<std::pair<Lang, Phrase>> abuseAllow;
    SentimentLexicon sentimentKo, sentimentEn;
    // code → keywords, per language; intent → code.
    std::map<std::string, std::vector<WrapupKeyword>> wrapupKo, wrapupEn;
    std::map<std::string, std::string> intentCodes;
    std::vector<ChecklistRule> checklistAll;
    std::map<std::string, std::vector<ChecklistRule>> checklistQueues;

    const SentimentLexicon& sentiment(Lang lang) const {
        return lang == Lang::Ko ? sentimentKo : sentimentEn;
    }
    const std::map<std::string, std::vector<WrapupKeyword>>& wrapup(Lang lang) const {
        return lang == Lang::Ko ? wrapupKo : wrapupEn;
    }

    // From the files compiled into the binary. Throws LexiconError on a malformed file.
    static Lexicon builtIn();
    // From the texts of the files (abuse.tsv, abuse_allow.tsv, sentiment_ko.tsv, sentiment_en.tsv,
    // wrapup_keywords.tsv, checklist.json). Throws LexiconError naming the file and line.
    static Lexicon parse(const std::map<std::string, std::string_view>& files);
};

// A phrase as written in a list, in its matching form for the language.
Phrase makePhrase(Lang lang, std::string_view text);

}  // namespace agentdesk::server::assist
