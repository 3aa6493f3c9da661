#include "widgets/trainer/trainer_texts.h"

#include <QLocale>

namespace agentdesk::widgets::trainer {

QString uiLanguage() {
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

}  // namespace agentdesk::widgets::trainer
