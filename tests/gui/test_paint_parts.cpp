// The pieces that keep a screen pop cheap to lay out and paint: the app style's flat scroll
// bars, the word-wrapped label that shapes its text once per width, and labels that become
// selectable only under the mouse.
#include <catch2/catch.hpp>

#include <cstdlib>

#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QStyleFactory>
#include <QTest>
#include <QVBoxLayout>

#include "app/app_style.h"
#include "widgets/common/hover_selectable.h"
#include "widgets/common/wrap_label.h"

using agentdesk::app::AppStyle;
using agentdesk::widgets::WrapLabel;

namespace {

// A vertical scroll bar with a third of its range on screen, drawn by `style`.
QImage renderedScrollBar(QStyle* style, const QPalette& palette) {
    QScrollBar bar(Qt::Vertical);
    bar.setStyle(style);
    bar.setPalette(palette);
    bar.setRange(0, 200);
    bar.setPageStep(100);
    bar.resize(14, 300);
    QImage image(bar.size(), QImage::Format_ARGB32);
    image.fill(Qt::magenta);
    bar.render(&image);
    return image;
}

int pixelsOf(const QImage& image, const QColor& colour) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += image.pixelColor(x, y) == colour;
    return n;
}

}  // namespace

TEST_CASE(
    "App style: flat scroll bars in the palette's colours on Fusion, other styles as they are",
    "[gui][style]") {
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xfa, 0xfa, 0xf0));
    palette.setColor(QPalette::Mid, QColor(0x12, 0x34, 0x56));

    AppStyle fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    REQUIRE(fusion.flatScrollBars());
    const QImage flat = renderedScrollBar(&fusion, palette);
    // The handle in Mid (a third of the groove, less its rounded ends), the groove in Window.
    CHECK(pixelsOf(flat, palette.color(QPalette::Mid)) > 4 * 60);
    CHECK(pixelsOf(flat, palette.color(QPalette::Window)) > 8 * 100);
    CHECK(pixelsOf(flat, Qt::magenta) == 0);

    // Another look: the handle follows the palette.
    palette.setColor(QPalette::Mid, QColor(0xc0, 0x10, 0x20));
    CHECK(pixelsOf(renderedScrollBar(&fusion, palette), palette.color(QPalette::Mid)) > 4 * 60);

    // A base style that is not Fusion (the desktop's) draws its own scroll bars.
    AppStyle windows(QStyleFactory::create(QStringLiteral("Windows")));
    CHECK_FALSE(windows.flatScrollBars());
    QStyle* plain = QStyleFactory::create(QStringLiteral("Windows"));
    CHECK(renderedScrollBar(&windows, palette) == renderedScrollBar(plain, palette));
    delete plain;
}

TEST_CASE("Wrap label: the heights QLabel gives for each width, one line as its minimum",
          "[gui][style]") {
    const QString first = QStringLiteral(
        "대한항공에서 7,000원 이중 승인 확인. 가맹점 측 취소 요청 필요 안내, 취소 반영까지 "
        "3~5영업일 소요 안내. The customer asked for a refund by e-mail as well.");
    const QString second = QStringLiteral("짧은 메모");
    const auto check = [&](QLabel& reference, WrapLabel& label) {
        for (const QString& text : {first, second, first}) {
            reference.setText(text);
            label.setText(text);
            for (int width : {90, 160, 333, 590, 160}) {
                INFO(text.left(10).toStdString() << " at " << width);
                CHECK(label.heightForWidth(width) == reference.heightForWidth(width));
            }
        }
    };
    SECTION("plain text") {
        QLabel reference;
        reference.setWordWrap(true);
        reference.setTextFormat(Qt::PlainText);
        WrapLabel label;
        check(reference, label);
    }
    SECTION("rich text, selectable") {
        QLabel reference;
        reference.setWordWrap(true);
        reference.setTextFormat(Qt::RichText);
        reference.setTextInteractionFlags(Qt::TextSelectableByMouse);
        WrapLabel label;
        label.setTextFormat(Qt::RichText);
        label.setTextInteractionFlags(Qt::TextSelectableByMouse);
        check(reference, label);
    }

    // The size it asks for: a short text's own width, a long one's at most 80 characters.
    {
        QLabel reference(second);
        reference.setWordWrap(true);
        WrapLabel label;
        label.setText(second);
        CHECK(std::abs(label.sizeHint().width() - reference.sizeHint().width()) <= 2);
        CHECK(label.sizeHint().height() == reference.sizeHint().height());
        // The minimum: the widest word, as QLabel (an e-mail address is not cut).
        reference.setText(QStringLiteral("메일 minjun.kim.long-address@naver.com 끝"));
        label.setText(reference.text());
        CHECK(std::abs(label.minimumSizeHint().width() - reference.minimumSizeHint().width()) <= 2);
        label.setText(first + first + first);
        CHECK(label.sizeHint().width() <= label.fontMetrics().averageCharWidth() * 80);
        CHECK(label.sizeHint().height() >= 2 * label.fontMetrics().lineSpacing());
    }

    // In a layout it takes the height for the width it gets: several lines when narrow.
    QWidget box;
    auto* layout = new QVBoxLayout(&box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new WrapLabel(&box);
    label->setText(first);
    layout->addWidget(label);
    layout->addStretch(1);
    // At least one line high (a Hangul line, taller than the font's own line spacing).
    CHECK(label->minimumSizeHint().height() == label->heightForWidth(QWIDGETSIZE_MAX));
    box.resize(200, 400);
    layout->activate();
    CHECK(label->width() == 200);
    CHECK(label->height() == label->heightForWidth(200));
    CHECK(label->height() >= 3 * label->fontMetrics().lineSpacing());
    // A bigger font: taller again.
    const int before = label->heightForWidth(200);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    label->setFont(font);
    CHECK(label->heightForWidth(200) > before);
}

TEST_CASE("Selectable on hover: the mouse selects a profile value's text, a plain label otherwise",
          "[gui][style]") {
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* label = new WrapLabel(&window);
    label->setText(QStringLiteral("서울특별시 강남구 테헤란로 123, 101동 1203호"));
    auto* other = new QLabel(QStringLiteral("elsewhere"), &window);
    layout->addWidget(label);
    layout->addWidget(other);
    agentdesk::widgets::selectableOnHover(label);
    window.resize(300, 120);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(label->textInteractionFlags() == Qt::NoTextInteraction);

    // The mouse comes over it: selectable; a drag across selects the text.
    const int plainHeight = label->heightForWidth(label->width());
    QTest::mouseMove(&window, label->geometry().center());
    REQUIRE(QTest::qWaitFor([&] { return label->underMouse(); }));
    CHECK(label->textInteractionFlags() == Qt::TextSelectableByMouse);
    CHECK(label->heightForWidth(label->width()) == plainHeight);  // nothing moves
    const int y = label->height() / 2;
    QTest::mousePress(label, Qt::LeftButton, {}, QPoint(1, y));
    QTest::mouseMove(label, QPoint(label->width() - 1, y));
    QTest::mouseRelease(label, Qt::LeftButton, {}, QPoint(label->width() - 1, y));
    CHECK(label->selectedText() == label->text());

    // Leaving with a selection keeps it; leaving without one makes it a plain label again.
    QTest::mouseMove(&window, other->geometry().center());
    REQUIRE(QTest::qWaitFor([&] { return other->underMouse(); }));
    CHECK(label->selectedText() == label->text());
    QTest::mouseMove(&window, label->geometry().center());
    REQUIRE(QTest::qWaitFor([&] { return label->underMouse(); }));
    QTest::mouseClick(label, Qt::LeftButton, {}, QPoint(2, y));  // deselects
    CHECK_FALSE(label->hasSelectedText());
    QTest::mouseMove(&window, other->geometry().center());
    REQUIRE(QTest::qWaitFor([&] { return other->underMouse(); }));
    CHECK(label->textInteractionFlags() == Qt::NoTextInteraction);
}
