#pragma once
// Knowledge search for the counselor: search-as-you-type (debounced, stale queries cancelled
// by KnowledgeSearch), results with highlighted snippets, suggestions from the call's intent
// before anything is typed, the article in a Qt WebEngine view created on first use (no
// JavaScript, no remote loads, links between articles work), "insert selection into note" and
// helpful / not helpful.
#include <QWidget>

#include "crm/session/knowledge_search.h"

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QStackedWidget;

namespace agentdesk::widgets {

class ArticleView;
class HitListModel;

class KnowledgePanel : public QWidget {
    Q_OBJECT
public:
    explicit KnowledgePanel(crm::KnowledgeSearch& search, QWidget* parent = nullptr);
    ~KnowledgePanel() override;

    // Articles for a ringing call's IVR intent, shown while the search box is empty. An empty
    // intent clears the suggestions (the call is over).
    void suggestForIntent(const QString& intent, const QString& intentLabel);
    // Back to the search box (from an open article too), its text selected.
    void focusSearch();
    void setOnline(bool online);
    bool isOnline() const { return online_; }

    // Opens an article (as a click on a result does).
    void openArticle(const QString& articleId);
    // The open article's view; null until the first article was opened (WebEngine starts then).
    ArticleView* articleView() const { return article_; }
    bool showingArticle() const;
    // "Insert selection into note" (objectName "insertSelection"), for the app's shortcuts.
    QAction* insertSelectionAction() const { return insertSelection_; }
    // The hits on screen: search results, or the intent's suggestions while the box is empty.
    const HitListModel& hits() const { return *model_; }

signals:
    // "Insert into note": the selected text of the open article (or its title when nothing is
    // selected), as plain text.
    void insertIntoNote(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Mode { Idle, Results, NoResults, Failed };

    void retranslate();
    void updateList();
    void onTextChanged(const QString& text);
    void onResults(const QString& query, const QList<crm::KbHit>& hits);
    void onSearchFailed(const QString& query, const crm::ApiError& error);
    void onSuggestions(const QString& intent, const QList<crm::KbHit>& hits);
    void onArticle(const crm::KbArticle& article, bool fromCache);
    void onArticleFailed(const QString& articleId, const crm::ApiError& error);
    void ensureArticleView();
    void showResults();
    void insertSelection();

    crm::KnowledgeSearch& search_;
    QStackedWidget* stack_;
    QWidget* searchPage_;
    QLineEdit* box_;
    QProgressBar* busy_;
    QLabel* heading_;
    QLabel* status_;
    QLabel* offline_;
    QListView* list_;
    HitListModel* model_;
    ArticleView* article_ = nullptr;
    QAction* insertSelection_;

    Mode mode_ = Mode::Idle;
    QString shownQuery_;
    QList<crm::KbHit> results_;
    crm::ApiError error_;
    QString intent_, intentLabel_;
    QList<crm::KbHit> suggestions_;
    QString pendingArticle_;
    bool online_ = true;
};

}  // namespace agentdesk::widgets
