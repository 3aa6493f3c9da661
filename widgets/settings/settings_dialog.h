#pragma once
// Settings for the counselor: server (embedded demo or an address), language (switches at
// once), font scale, the state after wrap-up, and keyboard shortcuts (with conflict checks).
// It edits a SettingsValues copy; AppController stores and applies what is accepted.
#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableWidget;
class QTabWidget;
class QDialogButtonBox;
class QPushButton;

namespace agentdesk::widgets {

struct ShortcutRow {
    QString id, description;
    QKeySequence key, defaultKey;
};

struct SettingsValues {
    bool embedded = true;
    QString serverUrl;            // with /api/v1
    bool allowPlainHttp = false;  // http:// to a computer other than this one
    QString language = QStringLiteral("ko");
    double fontScale = 1.0;
    QString theme = QStringLiteral("system");       // system | light | dark | highContrast
    QString afterWrapup = QStringLiteral("ready");  // ready | not_ready
    QList<ShortcutRow> shortcuts;
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const SettingsValues& values, QWidget* parent = nullptr);

    SettingsValues values() const;
    // Two actions on the same key; empty when none.
    QString conflict() const;

signals:
    void applied(const agentdesk::widgets::SettingsValues& values);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillShortcuts();
    void apply();

    SettingsValues values_;
    QTabWidget* tabs_;
    QRadioButton* embedded_;
    QRadioButton* remote_;
    QLineEdit* serverUrl_;
    QLabel* serverNote_;
    QCheckBox* allowPlainHttp_;
    QLabel* plainHttpWarning_;
    QComboBox* language_;
    QDoubleSpinBox* fontScale_;
    QComboBox* afterWrapup_;
    QComboBox* theme_;
    QLabel* themeLabel_;
    QLabel* languageLabel_;
    QLabel* fontLabel_;
    QLabel* afterLabel_;
    QTableWidget* shortcuts_;
    QPushButton* resetShortcuts_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

}  // namespace agentdesk::widgets
