#include "server/calls/prompts/composition.h"

#include <cstdio>

namespace agentdesk::server::prompts {

namespace {

// "ord_03", "min_12": two digits so the files sort in number order.
std::string numbered(const char* prefix, int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s_%02d", prefix, n);
    return buf;
}

std::string ordinalId(int position) {
    if (position < 1) {
        position = 1;
    }
    return position > kMaxOrdinal ? "ord_over20" : numbered("ord", position);
}

}  // namespace

std::string_view langCode(Lang lang) {
    return lang == Lang::Ko ? "ko" : "en";
}

int announcedWaitMinutes(int ewtSec) {
    if (ewtSec < 0) {
        return -1;
    }
    if (ewtSec > kMaxWaitMinutes * 60) {
        return kMaxWaitMinutes + 1;
    }
    const int minutes = (ewtSec + 59) / 60;
    return minutes < 1 ? 1 : minutes;
}

std::vector<std::string> greetingIds(Lang) {
    return {"greeting_welcome", "greeting_recording", "greeting_respect"};
}

std::vector<std::string> queuePositionIds(Lang lang, int position, int ewtSec) {
    std::vector<std::string> ids{"queue_lead", ordinalId(position)};
    // Korean closes the position with the copula only when no wait follows: "세 번째입니다."
    // vs "세 번째, 예상 대기 시간은 …"; English always closes it with "in the queue."
    if (lang == Lang::En) {
        ids.emplace_back("queue_tail");
    }
    const int minutes = announcedWaitMinutes(ewtSec);
    if (minutes < 0) {
        if (lang == Lang::Ko) {
            ids.emplace_back("end_copula");
        }
        ids.emplace_back("please_hold");
        return ids;
    }
    // "약 30분 이상" / "about more than 30 minutes" would hedge twice: the long lead-in drops it.
    if (minutes > kMaxWaitMinutes) {
        ids.emplace_back("wait_lead_long");
        ids.emplace_back("min_over30");
    } else {
        ids.emplace_back("wait_lead");
        ids.push_back(numbered("min", minutes));
    }
    if (lang == Lang::Ko) {
        ids.emplace_back("end_copula");
    }
    return ids;
}

std::vector<std::string> abuseWarningIds(Lang) {
    return {"abuse_warning"};
}

std::vector<std::string> protectionClosingIds(Lang) {
    return {"protection_closing"};
}

std::vector<std::string> transferringIds(Lang) {
    return {"transferring", "please_hold"};
}

std::vector<std::string> onHoldIds(Lang) {
    return {"on_hold"};
}

std::vector<std::string> fragmentIds(Lang lang) {
    std::vector<std::string> ids = greetingIds(lang);
    ids.insert(ids.end(), {"queue_lead", lang == Lang::Ko ? "end_copula" : "queue_tail"});
    for (int n = 1; n <= kMaxOrdinal; ++n) {
        ids.push_back(numbered("ord", n));
    }
    ids.insert(ids.end(), {"ord_over20", "wait_lead", "wait_lead_long"});
    for (int n = 1; n <= kMaxWaitMinutes; ++n) {
        ids.push_back(numbered("min", n));
    }
    ids.insert(ids.end(), {"min_over30", "please_hold", "abuse_warning", "protection_closing",
                           "transferring", "on_hold"});
    return ids;
}

}  // namespace agentdesk::server::prompts
