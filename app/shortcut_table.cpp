#include "app/shortcut_table.h"

#include <QAction>
#include <QCoreApplication>
#include <QWidget>

#include "app/app_settings.h"

namespace agentdesk::app {

const QList<ShortcutEntry>& shortcutTable() {
    static const QList<ShortcutEntry> table = {
        {"ready", "F2", QT_TRANSLATE_NOOP("Shortcuts", "Go ready")},
        {"notReady", "F3", QT_TRANSLATE_NOOP("Shortcuts", "Go not ready")},
        {"answer", "F5", QT_TRANSLATE_NOOP("Shortcuts", "Answer the ringing call")},
        {"reject", "Shift+F5", QT_TRANSLATE_NOOP("Shortcuts", "Reject the ringing call")},
        {"hold", "F6", QT_TRANSLATE_NOOP("Shortcuts", "Hold / resume")},
        {"mute", "F7", QT_TRANSLATE_NOOP("Shortcuts", "Mute / unmute")},
        {"transfer", "F8", QT_TRANSLATE_NOOP("Shortcuts", "Transfer")},
        {"keypad", "F9", QT_TRANSLATE_NOOP("Shortcuts", "Keypad (DTMF)")},
        {"recording", "F10", QT_TRANSLATE_NOOP("Shortcuts", "Pause / resume recording")},
        {"abuseWarning", "F11", QT_TRANSLATE_NOOP("Shortcuts", "Play the abuse warning")},
        {"hangup", "F12", QT_TRANSLATE_NOOP("Shortcuts", "Hang up")},
        {"customerSearch", "Ctrl+F", QT_TRANSLATE_NOOP("Shortcuts", "Search customers")},
        {"knowledgeSearch", "Ctrl+K", QT_TRANSLATE_NOOP("Shortcuts", "Search knowledge")},
        {"focusNote", "Ctrl+Shift+N", QT_TRANSLATE_NOOP("Shortcuts", "Go to the note")},
        {"insertSelection", "Ctrl+Shift+I",
         QT_TRANSLATE_NOOP("Shortcuts", "Insert the article selection into the note")},
        {"submitNote", "Ctrl+Return", QT_TRANSLATE_NOOP("Shortcuts", "Save the note and wrap up")},
    };
    return table;
}

QString shortcutDescription(const ShortcutEntry& entry) {
    return QCoreApplication::translate("Shortcuts", entry.description);
}

int applyShortcuts(QWidget* root, const AppSettings& settings) {
    int applied = 0;
    const auto actions = root->findChildren<QAction*>();
    for (const ShortcutEntry& entry : shortcutTable()) {
        const QString id = QString::fromLatin1(entry.id);
        const QKeySequence key =
            settings.shortcut(id, QKeySequence::fromString(QString::fromLatin1(entry.defaultKey),
                                                           QKeySequence::PortableText));
        for (QAction* action : actions) {
            if (action->objectName() != id)
                continue;
            action->setShortcut(key);
            action->setShortcutContext(Qt::WindowShortcut);
            ++applied;
        }
    }
    return applied;
}

}  // namespace agentdesk::app
