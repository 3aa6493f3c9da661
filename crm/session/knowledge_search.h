#pragma once
// Knowledge search as the counselor types: each new query supersedes the previous one (the
// request in flight is cancelled and its late answer ignored), after a short pause in typing.
// Opening an article reads it from the server, or from the local cache when offline.
//
// Threads: one thread (the GUI thread in the app).
#include <chrono>

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include "crm/api/api_client.h"
#include "crm/model/knowledge.h"

namespace agentdesk::crm {

class LocalStore;

class KnowledgeSearch : public QObject {
    Q_OBJECT
public:
    KnowledgeSearch(ApiClient& api, LocalStore* store, QObject* parent = nullptr,
                    std::chrono::milliseconds typingPause = std::chrono::milliseconds(150));
    ~KnowledgeSearch() override;

    void setOwner(const QString& owner) { owner_ = owner; }
    void setLimit(int limit) { limit_ = limit; }
    void setLanguage(const QString& lang) { lang_ = lang; }

    // Call on every edit of the search box; the search runs after the typing pause.
    void setQuery(const QString& query);
    // Runs the current query now (Enter).
    void searchNow();
    // Articles suggested for a ringing call's IVR intent.
    void suggestForIntent(const QString& intent);
    void openArticle(const QString& articleId);
    void sendFeedback(const QString& articleId, bool helpful);

    QString query() const { return query_; }
    const QList<KbHit>& results() const { return results_; }
    bool busy() const { return searchInFlight_ != 0; }
    int cancelledSearches() const { return cancelled_; }
    // Search requests sent to the server (the typing pause keeps this below the edit count).
    int startedSearches() const { return started_; }

signals:
    void resultsReady(const QString& query, const QList<agentdesk::crm::KbHit>& hits);
    void suggestionsReady(const QString& intent, const QList<agentdesk::crm::KbHit>& hits);
    void searchFailed(const QString& query, const agentdesk::crm::ApiError& error);
    void articleReady(const agentdesk::crm::KbArticle& article, bool fromCache);
    void articleFailed(const QString& articleId, const agentdesk::crm::ApiError& error);
    void busyChanged(bool busy);

private:
    void run();

    ApiClient& api_;
    LocalStore* store_;
    QString owner_;
    QString query_;
    QString lang_;
    int limit_ = 10;
    QTimer pause_;
    HttpTransport::RequestId searchInFlight_ = 0;
    HttpTransport::RequestId articleInFlight_ = 0;
    QList<KbHit> results_;
    int cancelled_ = 0;
    int started_ = 0;
};

}  // namespace agentdesk::crm
