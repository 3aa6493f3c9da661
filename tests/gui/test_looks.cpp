// The looks (light, dark, high contrast) and the font size setting, on the whole counselor
// window during a call: every shown text keeps its contrast against what is behind it, and every
// widget follows the font size.
#include <catch2/catch.hpp>

#include <cmath>

#include <QApplication>
#include <QLabel>
#include <QSettings>

#include "app/app_controller.h"
#include "app/main_window.h"
#include "tests/gui/app_flow_support.h"
#include "tests/gui/gui_fixture.h"
#include "widgets/softphone/softphone_bar.h"

using agentdesk::crm::AgentState;
using agentdesk::crm::CallPhase;
using agentdesk::test::AppUnderTest;
using agentdesk::test::TestServer;
using agentdesk::test::waitUntil;

namespace {

double luminance(const QColor& c) {
    auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Shown labels with text whose colour is too close to their background, as "name ratio".
QStringList lowContrastLabels(QWidget* root, double minimum) {
    QStringList out;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(root) || label->text().trimmed().isEmpty())
            continue;
        const QPalette& p = label->palette();
        const double ratio =
            contrast(p.color(label->foregroundRole()), p.color(label->backgroundRole()));
        if (ratio < minimum)
            out << QStringLiteral("%1 (%2) %3")
                       .arg(label->objectName(), label->text().left(20))
                       .arg(ratio, 0, 'f', 2);
    }
    return out;
}

// Shown widgets whose font did not follow the application font (pixel fonts aside).
QStringList smallerThan(QWidget* root, double pointSize) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisibleTo(root) || w->font().pointSizeF() <= 0)
            continue;
        if (w->font().pointSizeF() < pointSize * 0.98)
            out << QStringLiteral("%1 %2pt")
                       .arg(w->objectName().isEmpty()
                                ? QString::fromLatin1(w->metaObject()->className())
                                : w->objectName())
                       .arg(w->font().pointSizeF());
    }
    return out;
}

}  // namespace

TEST_CASE("Looks: light, dark and high contrast keep every text readable during a call",
          "[gui][app][looks]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    app.goReady();
    app.ringCall(server);
    app.answer();

    const struct {
        const char* theme;
        double minimum;  // WCAG AA for text; AAA for the high-contrast look
    } looks[] = {{"light", 4.5}, {"dark", 4.5}, {"highContrast", 7.0}};
    for (const auto& look : looks) {
        INFO("look " << look.theme);
        controller.applyTheme(QString::fromLatin1(look.theme));
        QCoreApplication::processEvents();
        const QPalette& palette = QApplication::palette();
        if (QLatin1String(look.theme) == QLatin1String("highContrast")) {
            CHECK(palette.color(QPalette::Window) == QColor(Qt::black));
            CHECK(palette.color(QPalette::Highlight) == QColor(Qt::yellow));
        }
        if (QLatin1String(look.theme) == QLatin1String("dark"))
            CHECK(palette.color(QPalette::Window).lightness() < 64);
        const QStringList low = lowContrastLabels(window, look.minimum);
        INFO("low contrast: " << low.join(QStringLiteral(", ")).toStdString());
        CHECK(low.isEmpty());
    }
    controller.applyTheme(QStringLiteral("system"));
}

TEST_CASE("Looks: the font size setting reaches every widget, titles stay larger",
          "[gui][app][looks]") {
    TestServer server;
    AppUnderTest app(server);
    app.loginAs(QStringLiteral("counselor1"));
    auto& controller = app.controller();
    auto* window = controller.mainWindow();
    const double base = QApplication::font().pointSizeF();
    auto* number = window->softphone()->findChild<QLabel*>(QStringLiteral("callerNumber"));
    REQUIRE(number);
    const double numberBefore = number->font().pointSizeF();
    CHECK(numberBefore > base);

    controller.applyFontScale(1.5);
    QCoreApplication::processEvents();
    const double scaled = QApplication::font().pointSizeF();
    REQUIRE(scaled == Approx(base * 1.5).epsilon(0.02));
    const QStringList small = smallerThan(window, scaled);
    INFO("not scaled: " << small.join(QStringLiteral(", ")).toStdString());
    CHECK(small.isEmpty());
    CHECK(number->font().pointSizeF() == Approx(numberBefore * 1.5).epsilon(0.02));
    controller.applyFontScale(1.0);
    QCoreApplication::processEvents();
    CHECK(number->font().pointSizeF() == Approx(numberBefore).epsilon(0.02));
}
