#pragma once
// The knowledge hits on screen (search results or intent suggestions), best first, as a list
// model for the results view.
#include <QAbstractListModel>
#include <QList>

#include "crm/model/knowledge.h"

namespace agentdesk::widgets {

class HitListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        SnippetHtmlRole,  // as the server sent it: escaped text with <mark> around matches
        TagsRole,
    };

    using QAbstractListModel::QAbstractListModel;

    void setHits(const QList<crm::KbHit>& hits);
    const QList<crm::KbHit>& hits() const { return hits_; }
    QString idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<crm::KbHit> hits_;
};

}  // namespace agentdesk::widgets
