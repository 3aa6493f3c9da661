#include "server/assist/lexicon.h"

#include <nlohmann/json.hpp>

#include "resources/embedded.h"
#include "server/assist/assist_text.h"

namespace agentdesk::server::assist {

namespace {

const char* const kFiles[] = {"abuse.tsv",        "abuse_allow.tsv",     "sentiment_ko.tsv",
                              "sentiment_en.tsv", "wrapup_keywords.tsv", "checklist.json"};

// The tab-separated rows of a file, comments (#) and blank lines left out, each with its
// line number for errors.
struct Row {
    int line = 0;
    std::vector<std::string> cells;
};

std::vector<Row> rows(std::string_view text) {
    std::vector<Row> out;
    int number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || line.front() == '#')
            continue;
        Row row{number, {}};
        std::size_t from = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', from);
            row.cells.emplace_back(line.substr(
                from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
            if (tab == std::string_view::npos)
                break;
            from = tab + 1;
        }
        out.push_back(std::move(row));
    }
    return out;
}

[[noreturn]] void fail(const std::string& file, int line, const std::string& what) {
    throw LexiconError(file + ":" + std::to_string(line) + ": " + what);
}

Lang langCell(const std::string& file, const Row& row, const std::string& cell) {
    const auto lang = parseLang(cell);
    if (!lang)
        fail(file, row.line, "unknown language \"" + cell + "\"");
    return *lang;
}

double numberCell(const std::string& file, const Row& row, const std::string& cell) {
    try {
        std::size_t used = 0;
        const double value = std::stod(cell, &used);
        if (used == cell.size())
            return value;
    } catch (const std::exception&) {
    }
    fail(file, row.line, "not a number: \"" + cell + "\"");
}

void needCells(const std::string& file, const Row& row, std::size_t count) {
    if (row.cells.size() != count)
        fail(file, row.line, "expected " + std::to_string(count) + " columns");
}

AbuseCategory categoryCell(const std::string& file, const Row& row, const std::string& cell) {
    for (auto c : {AbuseCategory::Insult, AbuseCategory::Threat, AbuseCategory::Profanity,
                   AbuseCategory::Sexual}) {
        if (cell == toString(c))
            return c;
    }
    fail(file, row.line, "unknown category \"" + cell + "\"");
}

// A Korean pattern also matches written in initial consonants: all of it (시발 → ㅅㅂ) or one
// syllable of it (씨ㅂ, ㅆ발). Patterns of one syllable have no variants.
std::vector<std::u32string> jamoVariants(const std::u32string& pattern) {
    std::vector<std::u32string> out{pattern};
    if (pattern.size() < 2)
        return out;
    std::u32string all;
    for (char32_t c : pattern)
        all.push_back(initialJamo(c));
    if (all != pattern)
        out.push_back(all);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (!isHangulSyllable(pattern[i]))
            continue;
        std::u32string one = pattern;
        one[i] = initialJamo(pattern[i]);
        out.push_back(one);
    }
    return out;
}

void parseAbuse(Lexicon& lex, std::string_view text) {
    const std::string file = "abuse.tsv";
    for (const Row& row : rows(text)) {
        needCells(file, row, 3);
        const Lang lang = langCell(file, row, row.cells[0]);
        const AbuseCategory category = categoryCell(file, row, row.cells[1]);
        const Phrase phrase = makePhrase(lang, row.cells[2]);
        if (phrase.text.empty())
            fail(file, row.line, "empty pattern");
        if (lang == Lang::En) {
            lex.abuse.push_back({lang, category, phrase});
            continue;
        }
        for (std::u32string& variant : jamoVariants(phrase.text))
            lex.abuse.push_back({lang, category, Phrase{std::move(variant), {}, false}});
    }
}

void parseAllow(Lexicon& lex, std::string_view text) {
    const std::string file = "abuse_allow.tsv";
    for (const Row& row : rows(text)) {
        needCells(file, row, 2);
        const Lang lang = langCell(file, row, row.cells[0]);
        lex.abuseAllow.emplace_back(lang, makePhrase(lang, row.cells[1]));
    }
}

void parseSentiment(SentimentLexicon& out, Lang lang, const std::string& file,
                    std::string_view text) {
    for (const Row& row : rows(text)) {
        needCells(file, row, 3);
        const std::string& kind = row.cells[0];
        const Phrase phrase = makePhrase(lang, row.cells[1]);
        const double value = numberCell(file, row, row.cells[2]);
        if (phrase.text.empty())
            fail(file, row.line, "empty word");
        // Korean stems always match the start of a word (좋 → 좋아요).
        Phrase word = phrase;
        if (lang == Lang::Ko)
            word.prefix = true;
        if (kind == "word") {
            out.words.push_back({word, value});
        } else if (kind == "unmet") {
            out.unmet.push_back({word, value});
        } else if (kind == "intensifier") {
            out.intensifiers.push_back({phrase, value});
        } else if (kind == "negator") {
            out.negators.push_back(phrase);
        } else if (kind == "after") {
            out.after.push_back(word);
        } else if (kind == "ending") {
            out.endings.push_back(phrase);
        } else {
            fail(file, row.line, "unknown kind \"" + kind + "\"");
        }
    }
}

void parseWrapup(Lexicon& lex, std::string_view text) {
    const std::string file = "wrapup_keywords.tsv";
    for (const Row& row : rows(text)) {
        if (!row.cells.empty() && row.cells[0] == "intent") {
            needCells(file, row, 3);
            lex.intentCodes[row.cells[1]] = row.cells[2];
        } else if (!row.cells.empty() && row.cells[0] == "code") {
            needCells(file, row, 5);
            const Lang lang = langCell(file, row, row.cells[2]);
            const Phrase phrase = makePhrase(lang, row.cells[3]);
            if (phrase.text.empty())
                fail(file, row.line, "empty phrase");
            auto& table = lang == Lang::Ko ? lex.wrapupKo : lex.wrapupEn;
            table[row.cells[1]].push_back({phrase, numberCell(file, row, row.cells[4])});
        } else {
            fail(file, row.line, "a row is \"intent\" or \"code\"");
        }
    }
}

std::vector<ChecklistRule> checklistRules(const nlohmann::json& items) {
    std::vector<ChecklistRule> out;
    for (const auto& item : items) {
        ChecklistRule rule;
        rule.id = item.at("id").get<std::string>();
        rule.labelKo = item.at("labelKo").get<std::string>();
        rule.labelEn = item.at("labelEn").get<std::string>();
        for (const auto& p : item.at("ko"))
            rule.ko.push_back(makePhrase(Lang::Ko, p.get<std::string>()));
        for (const auto& p : item.at("en"))
            rule.en.push_back(makePhrase(Lang::En, p.get<std::string>()));
        out.push_back(std::move(rule));
    }
    return out;
}

void parseChecklist(Lexicon& lex, std::string_view text) {
    try {
        const auto doc = nlohmann::json::parse(text);
        lex.checklistAll = checklistRules(doc.at("all"));
        for (const auto& [queue, items] : doc.at("queues").items())
            lex.checklistQueues[queue] = checklistRules(items);
    } catch (const nlohmann::json::exception& e) {
        throw LexiconError(std::string("checklist.json: ") + e.what());
    }
}

}  // namespace

Phrase makePhrase(Lang lang, std::string_view text) {
    Phrase phrase;
    if (!text.empty() && text.back() == '*') {
        phrase.prefix = true;
        text.remove_suffix(1);
    }
    const std::u32string folded = fold(text);
    if (lang == Lang::Ko) {
        for (char32_t c : folded) {
            if (c != U' ')
                phrase.text.push_back(c);
        }
    } else {
        phrase.text = folded;
        phrase.words = words(folded);
    }
    return phrase;
}

Lexicon Lexicon::parse(const std::map<std::string, std::string_view>& files) {
    for (const char* name : kFiles) {
        if (!files.count(name))
            throw LexiconError(std::string("missing ") + name);
    }
    Lexicon lex;
    parseAbuse(lex, files.at("abuse.tsv"));
    parseAllow(lex, files.at("abuse_allow.tsv"));
    parseSentiment(lex.sentimentKo, Lang::Ko, "sentiment_ko.tsv", files.at("sentiment_ko.tsv"));
    parseSentiment(lex.sentimentEn, Lang::En, "sentiment_en.tsv", files.at("sentiment_en.tsv"));
    parseWrapup(lex, files.at("wrapup_keywords.tsv"));
    parseChecklist(lex, files.at("checklist.json"));
    return lex;
}

Lexicon Lexicon::builtIn() {
    std::map<std::string, std::string_view> files;
    for (const resources::EmbeddedFile& file : resources::assistFiles())
        files[std::string(file.name)] = file.data;
    return parse(files);
}

}  // namespace agentdesk::server::assist
