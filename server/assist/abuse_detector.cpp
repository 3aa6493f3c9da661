#include "server/assist/abuse_detector.h"

#include <utility>
#include <vector>

#include "server/assist/assist_text.h"
#include "server/assist/phrase_match.h"
#include "server/kb/text_index.h"

namespace agentdesk::server::assist {

namespace {

constexpr std::size_t kPhraseLength = 4;

bool isHangul(char32_t c) {
    return isHangulSyllable(c) || isJamo(c);
}

bool isLatin(char32_t c) {
    return c >= U'a' && c <= U'z';
}

// 시1발, 씨x발 → 시발: digits and Latin letters with Hangul on both sides go.
std::u32string dropFillers(const std::u32string& word) {
    std::u32string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char32_t c = word[i];
        if ((isAsciiDigit(c) || isLatin(c)) && !out.empty() && isHangul(out.back())) {
            std::size_t j = i;
            while (j < word.size() && (isAsciiDigit(word[j]) || isLatin(word[j])))
                ++j;
            if (j < word.size() && isHangul(word[j]) && j - i <= 2) {
                i = j - 1;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

bool oneHangulLetter(const std::u32string& word) {
    return word.size() == 1 && isHangul(word[0]);
}

int severity(AbuseCategory c) {
    switch (c) {
        case AbuseCategory::Threat:
            return 4;
        case AbuseCategory::Sexual:
            return 3;
        case AbuseCategory::Insult:
            return 2;
        case AbuseCategory::Profanity:
            return 1;
    }
    return 0;
}

void keepWorst(std::optional<AbuseCategory>& worst, AbuseCategory found) {
    if (!worst || severity(found) > severity(*worst))
        worst = found;
}

char32_t leetLetter(char32_t c) {
    switch (c) {
        case U'0':
            return U'o';
        case U'1':
            return U'i';
        case U'3':
            return U'e';
        case U'4':
            return U'a';
        case U'5':
            return U's';
        case U'7':
            return U't';
        default:
            return c;
    }
}

}  // namespace

std::u32string koreanAbuseForm(std::string_view text) {
    std::u32string out;
    std::u32string previous;
    for (const std::u32string& raw : words(fold(text))) {
        std::u32string word = dropFillers(raw);
        if (!out.empty() && !oneHangulLetter(word) && !oneHangulLetter(previous))
            out.push_back(U' ');
        out += word;
        previous = std::move(word);
    }
    return out;
}

std::vector<std::u32string> englishAbuseWords(std::string_view text) {
    // @ and $ next to a letter stand for a and s (a$$, @ss) before folding drops them.
    std::u32string raw = kb::toU32(text);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != U'@' && raw[i] != U'$')
            continue;
        const bool letterBefore = i > 0 && isLetter(raw[i - 1]);
        const bool letterAfter =
            i + 1 < raw.size() && (isLetter(raw[i + 1]) || raw[i + 1] == raw[i]);
        if (letterBefore || letterAfter)
            raw[i] = raw[i] == U'@' ? U'a' : U's';
    }
    std::vector<std::u32string> out = words(fold(kb::toUtf8(raw)));
    for (std::u32string& word : out) {
        bool hasLatin = false;
        for (char32_t c : word)
            hasLatin = hasLatin || isLatin(c);
        if (!hasLatin)
            continue;
        for (char32_t& c : word)
            c = leetLetter(c);
    }
    return out;
}

std::optional<AbuseCategory> AbuseDetector::detect(Lang lang, std::string_view text) const {
    std::optional<AbuseCategory> worst;
    if (lang == Lang::Ko) {
        const std::u32string form = koreanAbuseForm(text);
        // Patterns of four letters or more are phrases (회사로찾아, 가만두지않): they also match
        // across spaces.
        std::u32string joined;
        for (char32_t c : form) {
            if (c != U' ')
                joined.push_back(c);
        }
        std::vector<std::pair<std::size_t, std::size_t>> allowed;  // [begin, end) spans
        for (const auto& [allowLang, phrase] : lex_.abuseAllow) {
            if (allowLang != Lang::Ko)
                continue;
            for (auto at = form.find(phrase.text); at != std::u32string::npos;
                 at = form.find(phrase.text, at + 1))
                allowed.emplace_back(at, at + phrase.text.size());
        }
        for (const AbusePattern& pattern : lex_.abuse) {
            if (pattern.lang != Lang::Ko)
                continue;
            if (pattern.phrase.text.size() >= kPhraseLength &&
                joined.find(pattern.phrase.text) != std::u32string::npos) {
                keepWorst(worst, pattern.category);
                continue;
            }
            for (auto at = form.find(pattern.phrase.text); at != std::u32string::npos;
                 at = form.find(pattern.phrase.text, at + 1)) {
                const std::size_t end = at + pattern.phrase.text.size();
                bool isAllowed = false;
                for (const auto& [b, e] : allowed)
                    isAllowed = isAllowed || (b < end && at < e);
                if (!isAllowed) {
                    keepWorst(worst, pattern.category);
                    break;
                }
            }
        }
    }
    const std::vector<std::u32string> english = englishAbuseWords(text);
    for (const AbusePattern& pattern : lex_.abuse) {
        if (pattern.lang != Lang::En)
            continue;
        for (std::size_t at = findWords(english, pattern.phrase); at != std::u32string::npos;
             at = findWords(english, pattern.phrase, at + 1)) {
            bool isAllowed = false;
            for (const auto& [allowLang, phrase] : lex_.abuseAllow)
                isAllowed = isAllowed || (allowLang == Lang::En && english[at] == phrase.text);
            if (!isAllowed) {
                keepWorst(worst, pattern.category);
                break;
            }
        }
    }
    return worst;
}

}  // namespace agentdesk::server::assist
