#pragma once
// What a screen reader finds in a window: the accessibility tree (QAccessible) walked from the
// window down, and every interactive element that is shown but has no name; every table's and
// tree's visible columns without a header. Used by test_accessibility.cpp on each main view.
#include <functional>

#include <QAbstractItemView>
#include <QAccessible>
#include <QHeaderView>
#include <QSet>
#include <QStringList>
#include <QTableView>
#include <QTreeView>
#include <QWidget>

namespace agentdesk::test {

inline bool isInteractiveRole(QAccessible::Role role) {
    switch (role) {
        case QAccessible::PushButton:
        case QAccessible::CheckBox:
        case QAccessible::RadioButton:
        case QAccessible::ComboBox:
        case QAccessible::EditableText:
        case QAccessible::SpinBox:
        case QAccessible::Slider:
        case QAccessible::ButtonMenu:
        case QAccessible::ButtonDropDown:
        case QAccessible::PageTab:
        case QAccessible::List:
        case QAccessible::Table:
        case QAccessible::Tree:
        case QAccessible::Link:
            return true;
        default:
            return false;
    }
}

inline QString describe(QAccessibleInterface* iface) {
    QObject* object = iface->object();
    QString path;
    int depth = 0;
    for (QObject* o = object; o && depth < 3; o = o->parent(), ++depth) {
        const QString name = o->objectName().isEmpty()
                                 ? QString::fromLatin1(o->metaObject()->className())
                                 : o->objectName();
        path = path.isEmpty() ? name : name + QLatin1Char('/') + path;
    }
    return QStringLiteral("%1 (role %2)")
        .arg(path.isEmpty() ? QStringLiteral("?") : path)
        .arg(int(iface->role()));
}

// Interactive elements without an accessible name, as "path (role N)".
inline QStringList unnamedInteractive(QWidget* root) {
    QStringList out;
    QSet<QAccessibleInterface*> seen;
    std::function<void(QAccessibleInterface*, int)> walk = [&](QAccessibleInterface* iface,
                                                               int depth) {
        if (!iface || !iface->isValid() || seen.contains(iface) || depth > 60)
            return;
        seen.insert(iface);
        if (iface->state().invisible || iface->state().offscreen)
            return;
        // Item views: the view is named; its cells are its model's data.
        const bool itemView = qobject_cast<QAbstractItemView*>(iface->object()) != nullptr;
        if (isInteractiveRole(iface->role()) && iface->object() &&
            iface->text(QAccessible::Name).trimmed().isEmpty())
            out << describe(iface);
        if (itemView)
            return;
        for (int i = 0; i < iface->childCount(); ++i)
            walk(iface->child(i), depth + 1);
    };
    walk(QAccessible::queryAccessibleInterface(root), 0);
    return out;
}

// Visible columns of shown tables and trees whose header says nothing.
inline QStringList unnamedColumns(QWidget* root) {
    QStringList out;
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!view->isVisibleTo(root) || !view->model())
            continue;
        QHeaderView* header = nullptr;
        if (auto* table = qobject_cast<QTableView*>(view))
            header = table->horizontalHeader();
        else if (auto* tree = qobject_cast<QTreeView*>(view))
            header = tree->header();
        if (!header || header->isHidden())
            continue;
        for (int c = 0; c < view->model()->columnCount(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            if (view->model()->headerData(c, Qt::Horizontal).toString().trimmed().isEmpty())
                out << QStringLiteral("%1 column %2").arg(view->objectName()).arg(c);
        }
    }
    return out;
}

}  // namespace agentdesk::test
