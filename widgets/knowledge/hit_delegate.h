#pragma once
// Draws a knowledge hit in the results list: the title in bold over the snippet, matches
// highlighted, at most a few lines high so a page of results fits the panel.
#include <QCache>
#include <QPixmap>
#include <QStyledItemDelegate>

class QTextDocument;

namespace agentdesk::widgets {

class HitDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The rich-text document a row is drawn from (tests look at its highlight formats).
    static void layoutDocument(QTextDocument& doc, const QStyleOptionViewItem& option,
                               const QModelIndex& index, bool selected);

private:
    // The row laid out for this option and state, from the cache: a list paints the same rows
    // again and again (each paint of the window, hover, scroll), and building a rich-text
    // document from HTML was most of the list's share of a screen pop.
    QTextDocument* documentFor(const QStyleOptionViewItem& option, const QModelIndex& index,
                               bool selected, QString* key = nullptr) const;
    // The row's text drawn once into a pixmap (transparent, at the screen's pixel ratio): the
    // list is repainted whenever the window paints over it, and drawing the rich text glyph by
    // glyph took about 1 ms per screenful; a pixmap is copied in a few microseconds.
    const QPixmap& pixmapFor(QTextDocument& doc, const QString& key, QSize size,
                             qreal pixelRatio) const;

    mutable QCache<QString, QTextDocument> documents_{kCachedDocuments};
    static constexpr int kCachedDocuments = 96;
    // Costed in KiB: a few screens of rows (a 400 x 80 row is 125 KiB at ratio 1).
    mutable QCache<QString, QPixmap> pixmaps_{kCachedPixmapKiB};
    static constexpr int kCachedPixmapKiB = 4096;
    mutable QPixmap uncached_;
    static constexpr int kMargin = 6;
    static constexpr int kMaxSnippetLines = 3;
};

}  // namespace agentdesk::widgets
