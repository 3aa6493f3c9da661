#include "widgets/knowledge/hit_delegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

#include "widgets/knowledge/hit_list_model.h"
#include "widgets/knowledge/snippet_html.h"

namespace agentdesk::widgets {

void HitDelegate::layoutDocument(QTextDocument& doc, const QStyleOptionViewItem& option,
                                 const QModelIndex& index, bool selected) {
    const QPalette& pal = option.palette;
    const QColor title = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    // The snippet a little softer than the title, so the eye finds titles first.
    const QColor base = pal.color(selected ? QPalette::Highlight : QPalette::Base);
    const QColor text = QColor::fromRgbF(title.redF() * 0.72f + base.redF() * 0.28f,
                                         title.greenF() * 0.72f + base.greenF() * 0.28f,
                                         title.blueF() * 0.72f + base.blueF() * 0.28f);
    doc.setDocumentMargin(0);
    doc.setDefaultFont(option.font);
    doc.setHtml(hitRichText(index.data(HitListModel::TitleRole).toString(),
                            index.data(HitListModel::SnippetHtmlRole).toString(), title, text));
    doc.setTextWidth(qMax(40, option.rect.width() - 2 * kMargin));
}

QTextDocument* HitDelegate::documentFor(const QStyleOptionViewItem& option,
                                        const QModelIndex& index, bool selected,
                                        QString* keyOut) const {
    const QPalette& pal = option.palette;
    const QString key = index.data(HitListModel::TitleRole).toString() + QChar(0x1f) +
                        index.data(HitListModel::SnippetHtmlRole).toString() + QChar(0x1f) +
                        QString::number(option.rect.width()) + QChar(0x1f) + option.font.key() +
                        QChar(0x1f) + QString::number(pal.color(QPalette::Text).rgba()) +
                        QChar(0x1f) + QString::number(pal.color(QPalette::Base).rgba()) +
                        (selected ? QStringLiteral("|s%1|%2")
                                        .arg(pal.color(QPalette::HighlightedText).rgba())
                                        .arg(pal.color(QPalette::Highlight).rgba())
                                  : QString());
    if (keyOut)
        *keyOut = key;
    if (QTextDocument* doc = documents_.object(key))
        return doc;
    auto* doc = new QTextDocument;
    layoutDocument(*doc, option, index, selected);
    doc->documentLayout();  // laid out now, once
    documents_.insert(key, doc);
    return doc;
}

void HitDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();  // the background and focus frame from the style, the text from us
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    QString key;
    QTextDocument& doc = *documentFor(option, index, option.state & QStyle::State_Selected, &key);
    const QRect box = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (!box.isEmpty()) {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        painter->drawPixmap(box.topLeft(), pixmapFor(doc, key, box.size(), ratio));
    }

    // A hairline between hits.
    painter->save();
    painter->setPen(option.palette.color(QPalette::Midlight));
    painter->drawLine(option.rect.bottomLeft(), option.rect.bottomRight());
    painter->restore();
}

const QPixmap& HitDelegate::pixmapFor(QTextDocument& doc, const QString& key, QSize size,
                                      qreal pixelRatio) const {
    const QString pixmapKey = key + QChar(0x1f) + QString::number(size.width()) + u'x' +
                              QString::number(size.height()) + u'@' + QString::number(pixelRatio);
    if (const QPixmap* cached = pixmaps_.object(pixmapKey))
        return *cached;
    QPixmap pixmap(size * pixelRatio);
    pixmap.setDevicePixelRatio(pixelRatio);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        const QRectF clip(0, 0, size.width(), size.height());
        painter.setClipRect(clip);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        doc.documentLayout()->draw(&painter, context);
    }
    const qsizetype kib = qMax<qsizetype>(1, qsizetype(pixmap.width()) * pixmap.height() / 256);
    if (kib > kCachedPixmapKiB) {  // larger than the whole cache: drawn, not kept
        uncached_ = pixmap;
        return uncached_;
    }
    auto* kept = new QPixmap(std::move(pixmap));
    pixmaps_.insert(pixmapKey, kept, kib);
    return *kept;
}

QSize HitDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QTextDocument& doc = *documentFor(option, index, false);
    // Cut after whole lines (title + kMaxSnippetLines), measured on the laid-out text: Hangul
    // lines are taller than the font's Latin line spacing.
    qreal bottom = 0;
    int lines = 0;
    for (QTextBlock block = doc.begin(); block.isValid() && lines <= kMaxSnippetLines;
         block = block.next()) {
        const QTextLayout* layout = block.layout();
        const qreal top = doc.documentLayout()->blockBoundingRect(block).top();
        for (int i = 0; i < layout->lineCount() && lines <= kMaxSnippetLines; ++i, ++lines) {
            const QTextLine line = layout->lineAt(i);
            bottom = top + line.y() + line.height();
        }
    }
    const int height = static_cast<int>(std::ceil(bottom));
    return {option.rect.width() > 0 ? option.rect.width() : 200, height + 2 * kMargin};
}

}  // namespace agentdesk::widgets
