#include "widgets/knowledge/hit_list_model.h"

#include "widgets/knowledge/snippet_html.h"

namespace agentdesk::widgets {

void HitListModel::setHits(const QList<crm::KbHit>& hits) {
    beginResetModel();
    hits_ = hits;
    endResetModel();
}

QString HitListModel::idAt(int row) const {
    return row >= 0 && row < hits_.size() ? hits_[row].id : QString();
}

int HitListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(hits_.size());
}

QVariant HitListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= hits_.size())
        return {};
    const crm::KbHit& hit = hits_[index.row()];
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return hit.title;
        case Qt::ToolTipRole:
            // Rich text on purpose, so a title is never taken for markup.
            return QStringLiteral("<p>%1</p>").arg(hit.title.toHtmlEscaped());
        case Qt::AccessibleTextRole:
            return hit.title + QLatin1String(": ") + snippetPlainText(hit.snippetHtml);
        case IdRole:
            return hit.id;
        case SnippetHtmlRole:
            return hit.snippetHtml;
        case TagsRole:
            return hit.tags;
        default:
            return {};
    }
}

}  // namespace agentdesk::widgets
