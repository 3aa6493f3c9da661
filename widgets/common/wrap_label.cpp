#include "widgets/common/wrap_label.h"

#include <QEvent>
#include <QTextBoundaryFinder>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QtMath>

#include <algorithm>

namespace agentdesk::widgets {

namespace {

// The widest a label asks to be, in average characters (as QLabel).
constexpr int kPreferredChars = 80;

}  // namespace

WrapLabel::WrapLabel(QWidget* parent) : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

void WrapLabel::forget() const {
    for (Entry& e : cache_)
        e = {};
    lineWidths_.clear();
}

void WrapLabel::checkText() const {
    // The text is compared, not tracked: QLabel::setText is not virtual. Equal strings that
    // share their data compare at once.
    if (text_ != text() || flags_ != textInteractionFlags()) {
        text_ = text();
        // Selectable text is measured through a text document: not quite the same sizes.
        flags_ = textInteractionFlags();
        forget();
    }
}

int WrapLabel::heightForWidth(int width) const {
    checkText();
    for (const Entry& e : cache_) {
        if (e.width == width)
            return e.height;
    }
    const int height = QLabel::heightForWidth(width);
    cache_[next_] = {width, height};
    next_ = (next_ + 1) % kEntries;
    return height;
}

void WrapLabel::measure() const {
    checkText();
    if (!lineWidths_.isEmpty())
        return;
    // Each line unwrapped: its width and height (Hangul from the fallback font is taller than
    // the font's own line spacing). One shaping of the text, kept until it changes.
    const bool rich = textFormat() == Qt::RichText ||
                      (textFormat() == Qt::AutoText && Qt::mightBeRichText(text_));
    const QString plain = rich ? QTextDocumentFragment::fromHtml(text_).toPlainText() : text_;
    lineHeight_ = fontMetrics().lineSpacing();
    widestWord_ = 0;
    for (const QString& line : plain.split(u'\n')) {
        QTextLayout layout(line, font());
        layout.beginLayout();
        QTextLine textLine = layout.createLine();
        int width = 0;
        if (textLine.isValid()) {
            textLine.setLineWidth(QWIDGETSIZE_MAX);
            width = qCeil(textLine.naturalTextWidth());
            lineHeight_ = qMax(lineHeight_, qCeil(textLine.height()));
            // The widest piece between line-break opportunities (Unicode's rules, as the
            // layout wraps), from the positions of the shaped line: no shaping again. Trailing
            // spaces hang in the margin, as when wrapped.
            QTextBoundaryFinder breaks(QTextBoundaryFinder::Line, line);
            int start = 0;
            for (int end = breaks.toNextBoundary(); end > 0; end = breaks.toNextBoundary()) {
                int last = end;
                while (last > start && line.at(last - 1).isSpace())
                    --last;
                const qreal piece = textLine.cursorToX(last) - textLine.cursorToX(start);
                widestWord_ = qMax(widestWord_, qCeil(piece));
                start = end;
            }
        }
        layout.endLayout();
        lineWidths_.append(width);
    }
}

QSize WrapLabel::minimumSizeHint() const {
    if (!wordWrap())
        return QLabel::minimumSizeHint();
    ensurePolished();
    measure();
    const QMargins m = contentsMargins();
    const int frame = 2 * margin();
    return {widestWord_ + m.left() + m.right() + frame + 2 * qMax(0, indent()),
            lineHeight_ + m.top() + m.bottom() + frame};
}

QSize WrapLabel::sizeHint() const {
    if (!wordWrap())
        return QLabel::sizeHint();
    ensurePolished();
    measure();
    // As wide as the longest line, up to 80 characters, as many lines high as wrapping at that
    // width takes (estimated from the widths: the layout asks the real height for the width it
    // gives).
    const int widest = *std::max_element(lineWidths_.cbegin(), lineWidths_.cend());
    const int width = qMax(1, qMin(widest, fontMetrics().averageCharWidth() * kPreferredChars));
    int lines = 0;
    for (int w : lineWidths_)
        lines += qMax(1, (w + width - 1) / width);
    const QMargins m = contentsMargins();
    const int frame = 2 * margin();
    return {width + m.left() + m.right() + frame + 2 * qMax(0, indent()),
            lines * lineHeight_ + m.top() + m.bottom() + frame};
}

void WrapLabel::changeEvent(QEvent* event) {
    // Font, style or margins: the same text takes another height.
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::ContentsRectChange)
        forget();
    QLabel::changeEvent(event);
}

}  // namespace agentdesk::widgets
