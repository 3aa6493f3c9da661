#include "crm/session/knowledge_search.h"

#include <QJsonDocument>

#include "crm/store/local_store.h"

namespace agentdesk::crm {

namespace {
const QString kArticleCacheKind = QStringLiteral("article");
}

KnowledgeSearch::KnowledgeSearch(ApiClient& api, LocalStore* store, QObject* parent,
                                 std::chrono::milliseconds typingPause)
    : QObject(parent), api_(api), store_(store) {
    pause_.setSingleShot(true);
    pause_.setInterval(typingPause);
    connect(&pause_, &QTimer::timeout, this, &KnowledgeSearch::run);
}

KnowledgeSearch::~KnowledgeSearch() {
    if (searchInFlight_)
        api_.cancel(searchInFlight_);
    if (articleInFlight_)
        api_.cancel(articleInFlight_);
}

void KnowledgeSearch::setQuery(const QString& query) {
    query_ = query.trimmed();
    pause_.start();
}

void KnowledgeSearch::searchNow() {
    pause_.stop();
    run();
}

void KnowledgeSearch::run() {
    if (searchInFlight_) {
        api_.cancel(searchInFlight_);  // superseded: its answer must never show
        searchInFlight_ = 0;
        ++cancelled_;
    }
    const QString query = query_;
    if (query.isEmpty()) {
        results_.clear();
        emit busyChanged(false);
        emit resultsReady(query, results_);
        return;
    }
    ++started_;
    searchInFlight_ = api_.searchKnowledge(
        this, query, limit_, lang_, [this, query](const QList<KbHit>& hits, const ApiError& error) {
            searchInFlight_ = 0;
            emit busyChanged(false);
            if (error) {
                emit searchFailed(query, error);
                return;
            }
            results_ = hits;
            emit resultsReady(query, hits);
        });
    emit busyChanged(true);
}

void KnowledgeSearch::suggestForIntent(const QString& intent) {
    if (intent.isEmpty())
        return;
    api_.suggestKnowledge(this, intent, 5, lang_,
                          [this, intent](const QList<KbHit>& hits, const ApiError& e) {
                              if (!e)
                                  emit suggestionsReady(intent, hits);
                          });
}

void KnowledgeSearch::openArticle(const QString& articleId) {
    if (articleInFlight_)
        api_.cancel(articleInFlight_);
    articleInFlight_ = api_.article(
        this, articleId,
        [this, articleId](const KbArticle& article, const QByteArray& raw, const ApiError& error) {
            articleInFlight_ = 0;
            if (!error) {
                if (store_ && !owner_.isEmpty())
                    store_->putCache(owner_, kArticleCacheKind, articleId, raw);
                emit articleReady(article, false);
                return;
            }
            if (!store_ || owner_.isEmpty() || !error.retryable()) {
                emit articleFailed(articleId, error);
                return;
            }
            store_->getCache(owner_, kArticleCacheKind, articleId, this,
                             [this, articleId, error](std::optional<QByteArray> json, qint64) {
                                 const QJsonDocument doc =
                                     json ? QJsonDocument::fromJson(*json) : QJsonDocument();
                                 if (doc.isObject())
                                     emit articleReady(KbArticle::fromJson(doc.object()), true);
                                 else
                                     emit articleFailed(articleId, error);
                             });
        });
}

void KnowledgeSearch::sendFeedback(const QString& articleId, bool helpful) {
    api_.articleFeedback(this, articleId, helpful, {});
}

}  // namespace agentdesk::crm
