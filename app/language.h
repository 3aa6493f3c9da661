#pragma once
// The UI language (ko or en), switchable while the app runs: installs the app's translator
// (from :/i18n) and Qt's own (dialog buttons), and sets the locale used for numbers and dates.
// Widgets retranslate themselves on QEvent::LanguageChange.
//
// Threads: GUI thread only.
#include <QObject>
#include <QString>
#include <QTranslator>

namespace agentdesk::app {

class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);
    ~Language() override;

    // "ko" or "en"; anything else falls back to "ko". Returns false when the app's
    // translation could not be loaded (the UI then shows the English source strings).
    bool apply(const QString& code);
    QString current() const { return current_; }
    static QStringList available() { return {QStringLiteral("ko"), QStringLiteral("en")}; }

signals:
    void changed(const QString& code);

private:
    QTranslator app_;
    QTranslator qt_;
    QString current_;
};

}  // namespace agentdesk::app
