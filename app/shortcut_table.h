#pragma once
// Every keyboard shortcut of the counselor's window in one table: the action id (the
// objectName of the QAction that carries it), its default key and what it does. Defaults are
// documented in docs/user-guide.md; the settings dialog changes them (AppSettings::shortcut).
#include <QKeySequence>
#include <QList>
#include <QString>

class QWidget;

namespace agentdesk::app {

class AppSettings;

struct ShortcutEntry {
    const char* id;           // QAction objectName
    const char* defaultKey;   // QKeySequence portable text
    const char* description;  // QT_TRANSLATE_NOOP("Shortcuts", ...)
};

const QList<ShortcutEntry>& shortcutTable();
QString shortcutDescription(const ShortcutEntry& entry);  // translated

// Sets the shortcut of every QAction below `root` whose objectName is in the table, from the
// settings (or the default). Returns how many actions got one.
int applyShortcuts(QWidget* root, const AppSettings& settings);

}  // namespace agentdesk::app
