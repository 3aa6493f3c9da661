#pragma once
// Knowledge search for the counselor: search-as-you-type (debounced, stale queries cancelled
// by KnowledgeSearch), results with highlighted snippets, suggestions from the call's intent
// before anything is typed, the article in a Qt WebEngine view created on first use (no
// JavaScript, no remote loads, links between articles work), "insert selection into note" and
// helpful / not helpful.
#include <QWidget>

#include "crm/session/knowledge_search.h"

namespace agentdesk::widgets {

class KnowledgePanel : public QWidget {
    Q_OBJECT
public:
    explicit KnowledgePanel(crm::KnowledgeSearch& search, QWidget* parent = nullptr);
    ~KnowledgePanel() override;

    // Articles for a ringing call's IVR intent, shown while the search box is empty.
    void suggestForIntent(const QString& intent, const QString& intentLabel);
    void focusSearch();
    void setOnline(bool online);

signals:
    // "Insert into note": the selected text of the open article (or its title when nothing is
    // selected), as plain text.
    void insertIntoNote(const QString& text);
};

}  // namespace agentdesk::widgets
