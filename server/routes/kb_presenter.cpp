#include "server/routes/kb_presenter.h"

namespace agentdesk::server {

using nlohmann::json;

json articleJson(const KbArticle& a) {
    return {{"id", a.id},
            {"title", a.title},
            {"bodyHtml", a.bodyHtml},
            {"tags", a.tags},
            {"lang", a.lang},
            {"updatedAt", toRfc3339(a.updatedAt)},
            {"helpful", a.helpful},
            {"notHelpful", a.notHelpful}};
}

json feedbackJson(const KbArticle& a) {
    return {{"id", a.id}, {"helpful", a.helpful}, {"notHelpful", a.notHelpful}};
}

json searchHitsJson(const std::vector<KbHit>& hits) {
    json out = json::array();
    for (const auto& h : hits) {
        out.push_back({{"id", h.id},
                       {"title", h.title},
                       {"snippet", h.snippet},
                       {"score", h.score},
                       {"lang", h.lang},
                       {"tags", h.tags},
                       {"fuzzy", h.fuzzy}});
    }
    return out;
}

json suggestionsJson(const std::vector<KbHit>& hits) {
    json out = json::array();
    for (const auto& h : hits) {
        out.push_back({{"id", h.id},
                       {"title", h.title},
                       {"snippet", h.snippet},
                       {"lang", h.lang},
                       {"tags", h.tags}});
    }
    return out;
}

}  // namespace agentdesk::server
