#pragma once
// Typed records of agent assist (docs/assist.md): what is analysed and what comes out.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agentdesk::server::assist {

enum class Lang { Ko, En };
std::optional<Lang> parseLang(std::string_view text);  // "ko" | "en"
const char* toString(Lang lang);

enum class Speaker { Customer, Agent };
std::optional<Speaker> parseSpeaker(std::string_view text);  // "customer" | "agent"
const char* toString(Speaker speaker);

// One line of a call's transcript, its text already masked (transcript_mask.h).
struct Line {
    Speaker speaker = Speaker::Customer;
    std::string text;
    int atSec = 0;
};

enum class AbuseCategory { Insult, Threat, Profanity, Sexual };
const char* toString(AbuseCategory category);

enum class SentimentLabel { Negative, Neutral, Positive };
const char* toString(SentimentLabel label);
SentimentLabel labelFor(double score);

// How the customer's mood moves over the call: the last turns against the earlier ones.
enum class SentimentTrend { Steady, Improving, Worsening };
const char* toString(SentimentTrend trend);

struct CodeScore {
    std::string code;
    double score = 0;  // 0…1, the top three of a call sum to at most 1
};

struct ChecklistState {
    std::string id;
    std::string label;  // in the call's language
    bool done = false;
    int index = -1;  // the line that ticked it
};

struct Suggestion {
    std::string articleId;
    std::string title;
    double score = 0;
};

struct Draft {
    std::string wrapupCode;
    std::string text;
};

}  // namespace agentdesk::server::assist
