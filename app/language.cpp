#include "app/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

#include "common/logging.h"

namespace agentdesk::app {

Language::Language(QObject* parent) : QObject(parent) {}

Language::~Language() {
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
}

bool Language::apply(const QString& requested) {
    const QString code = available().contains(requested) ? requested : QStringLiteral("ko");
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
    const QLocale locale(code == QLatin1String("ko") ? QLocale::Korean : QLocale::English,
                         code == QLatin1String("ko") ? QLocale::SouthKorea : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    const bool ok = app_.load(QStringLiteral(":/i18n/agentdesk_%1.qm").arg(code));
    if (!ok)
        logging::get("ui")->error("translation for '{}' is missing from the resources",
                                  code.toStdString());
    // Qt's own strings (dialog buttons, context menus); absent for en, which is the source.
    const bool qtStrings = qt_.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                    QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (qtStrings)
        QCoreApplication::installTranslator(&qt_);
    if (ok)
        logging::get("ui")->info("UI language {}: translation loaded, Qt's own strings {}",
                                 code.toStdString(), qtStrings ? "loaded" : "not found");
    if (ok)
        QCoreApplication::installTranslator(&app_);
    const bool switched = current_ != code;
    current_ = code;
    if (switched)
        emit changed(code);
    return ok;
}

}  // namespace agentdesk::app
