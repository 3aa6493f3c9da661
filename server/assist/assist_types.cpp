#include "server/assist/assist_types.h"

namespace agentdesk::server::assist {

std::optional<Lang> parseLang(std::string_view text) {
    if (text == "ko")
        return Lang::Ko;
    if (text == "en")
        return Lang::En;
    return std::nullopt;
}

const char* toString(Lang lang) {
    return lang == Lang::Ko ? "ko" : "en";
}

std::optional<Speaker> parseSpeaker(std::string_view text) {
    if (text == "customer")
        return Speaker::Customer;
    if (text == "agent")
        return Speaker::Agent;
    return std::nullopt;
}

const char* toString(Speaker speaker) {
    return speaker == Speaker::Customer ? "customer" : "agent";
}

const char* toString(AbuseCategory category) {
    switch (category) {
        case AbuseCategory::Insult:
            return "insult";
        case AbuseCategory::Threat:
            return "threat";
        case AbuseCategory::Profanity:
            return "profanity";
        case AbuseCategory::Sexual:
            return "sexual";
    }
    return "insult";
}

const char* toString(SentimentLabel label) {
    switch (label) {
        case SentimentLabel::Negative:
            return "negative";
        case SentimentLabel::Neutral:
            return "neutral";
        case SentimentLabel::Positive:
            return "positive";
    }
    return "neutral";
}

SentimentLabel labelFor(double score) {
    if (score <= -0.2)
        return SentimentLabel::Negative;
    if (score >= 0.2)
        return SentimentLabel::Positive;
    return SentimentLabel::Neutral;
}

const char* toString(SentimentTrend trend) {
    switch (trend) {
        case SentimentTrend::Steady:
            return "steady";
        case SentimentTrend::Improving:
            return "improving";
        case SentimentTrend::Worsening:
            return "worsening";
    }
    return "steady";
}

}  // namespace agentdesk::server::assist
