#include "widgets/trainer/scenario_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace agentdesk::widgets {

namespace {
constexpr int kPad = 6;
constexpr int kDescriptionLines = 2;

// The text broken at `width`, cut after `maxLines` with an ellipsis on the last line.
QStringList wrapLines(const QString& text, const QFont& font, int width, int maxLines) {
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == maxLines - 1) {
            // The rest goes on the last line, elided.
            const QFontMetrics fm(font);
            lines << fm.elidedText(text.mid(line.textStart()).simplified(), Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}
}  // namespace

void ScenarioDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    const QString description = index.data(kDescriptionRole).toString();
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text =
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    if (!selected)
        dim = opt.palette.color(group, QPalette::PlaceholderText);

    const QRect r = opt.rect.adjusted(kPad, kPad / 2, -kPad, -kPad / 2);
    QFont titleFont = opt.font;
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    painter->save();
    painter->setFont(titleFont);
    painter->setPen(text);
    painter->drawText(QRect(r.left(), r.top(), r.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, r.width()));
    // The running scenario's row is bold; its description stays regular to stay readable.
    QFont descriptionFont = opt.font;
    descriptionFont.setBold(false);
    painter->setFont(descriptionFont);
    painter->setPen(dim);
    const QFontMetrics fm(descriptionFont);
    int y = r.top() + titleMetrics.height() + 1;
    for (const QString& line :
         wrapLines(description, descriptionFont, r.width(), kDescriptionLines)) {
        painter->drawText(QRect(r.left(), y, r.width(), fm.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, line);
        y += fm.height();
    }
    painter->restore();
}

QSize ScenarioDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont titleFont = option.font;
    titleFont.setBold(true);
    const int height = QFontMetrics(titleFont).height() + 1 +
                       QFontMetrics(option.font).height() * kDescriptionLines + kPad;
    size.setHeight(qMax(size.height(), height));
    return size;
}

}  // namespace agentdesk::widgets
