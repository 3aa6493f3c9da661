#include "widgets/settings/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "crm/net/server_url.h"
#include "widgets/common/tone.h"
#include "widgets/login/login_view.h"

namespace agentdesk::widgets {

SettingsDialog::SettingsDialog(const SettingsValues& values, QWidget* parent)
    : QDialog(parent),
      values_(values),
      tabs_(new QTabWidget(this)),
      embedded_(new QRadioButton(this)),
      remote_(new QRadioButton(this)),
      serverUrl_(new QLineEdit(this)),
      serverNote_(new QLabel(this)),
      allowPlainHttp_(new QCheckBox(this)),
      plainHttpWarning_(new QLabel(this)),
      language_(new QComboBox(this)),
      fontScale_(new QDoubleSpinBox(this)),
      afterWrapup_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      themeLabel_(new QLabel(this)),
      languageLabel_(new QLabel(this)),
      fontLabel_(new QLabel(this)),
      afterLabel_(new QLabel(this)),
      shortcuts_(new QTableWidget(this)),
      resetShortcuts_(new QPushButton(this)),
      error_(new QLabel(this)),
      buttons_(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    language_->setObjectName(QStringLiteral("languageSetting"));
    fontScale_->setObjectName(QStringLiteral("fontScaleSetting"));
    afterWrapup_->setObjectName(QStringLiteral("afterWrapupSetting"));
    theme_->setObjectName(QStringLiteral("themeSetting"));
    shortcuts_->setObjectName(QStringLiteral("shortcutTable"));
    error_->setObjectName(QStringLiteral("settingsError"));

    auto* general = new QWidget(tabs_);
    auto* form = new QFormLayout(general);
    form->addRow(embedded_);
    form->addRow(remote_, serverUrl_);
    form->addRow(serverNote_);
    form->addRow(allowPlainHttp_);
    form->addRow(plainHttpWarning_);
    allowPlainHttp_->setObjectName(QStringLiteral("allowPlainHttpSetting"));
    plainHttpWarning_->setObjectName(QStringLiteral("plainHttpWarning"));
    plainHttpWarning_->setWordWrap(true);
    plainHttpWarning_->setStyleSheet(toneStyle(Tone::Warning, true));
    allowPlainHttp_->setChecked(values.allowPlainHttp);
    plainHttpWarning_->setVisible(values.allowPlainHttp);
    connect(allowPlainHttp_, &QCheckBox::toggled, plainHttpWarning_, &QLabel::setVisible);
    form->addRow(languageLabel_, language_);
    form->addRow(fontLabel_, fontScale_);
    form->addRow(themeLabel_, theme_);
    form->addRow(afterLabel_, afterWrapup_);
    serverNote_->setWordWrap(true);
    serverNote_->setStyleSheet(toneStyle(Tone::Hint));
    language_->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    fontScale_->setRange(0.8, 2.0);
    fontScale_->setSingleStep(0.1);
    fontScale_->setDecimals(1);
    fontScale_->setSuffix(QStringLiteral(" ×"));
    for (const char* theme : {"system", "light", "dark", "highContrast"})
        theme_->addItem(QString(), QString::fromLatin1(theme));
    afterWrapup_->addItem(QString(), QStringLiteral("ready"));
    afterWrapup_->addItem(QString(), QStringLiteral("not_ready"));

    auto* keys = new QWidget(tabs_);
    auto* keysLayout = new QVBoxLayout(keys);
    keysLayout->addWidget(shortcuts_);
    keysLayout->addWidget(resetShortcuts_, 0, Qt::AlignLeft);
    shortcuts_->setColumnCount(2);
    shortcuts_->verticalHeader()->setVisible(false);
    shortcuts_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    shortcuts_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    shortcuts_->setSelectionMode(QAbstractItemView::NoSelection);

    tabs_->addTab(general, QString());
    tabs_->addTab(keys, QString());
    error_->setStyleSheet(toneStyle(Tone::Error));
    error_->setWordWrap(true);
    error_->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addWidget(error_);
    layout->addWidget(buttons_);

    (values.embedded ? embedded_ : remote_)->setChecked(true);
    serverUrl_->setText(crm::serverListForDisplay(values.serverUrl));
    language_->setCurrentIndex(std::max(0, language_->findData(values.language)));
    fontScale_->setValue(values.fontScale);
    theme_->setCurrentIndex(std::max(0, theme_->findData(values.theme)));
    afterWrapup_->setCurrentIndex(std::max(0, afterWrapup_->findData(values.afterWrapup)));
    fillShortcuts();

    connect(buttons_, &QDialogButtonBox::clicked, this, [this](QAbstractButton* button) {
        const auto role = buttons_->buttonRole(button);
        if (role == QDialogButtonBox::RejectRole) {
            reject();
            return;
        }
        apply();
        if (role == QDialogButtonBox::AcceptRole && !error_->isVisible())
            accept();
    });
    connect(resetShortcuts_, &QPushButton::clicked, this, [this] {
        for (ShortcutRow& row : values_.shortcuts)
            row.key = row.defaultKey;
        fillShortcuts();
    });
    connect(embedded_, &QRadioButton::toggled, serverUrl_,
            [this](bool on) { serverUrl_->setEnabled(!on); });
    serverUrl_->setEnabled(!values.embedded);
    retranslate();
    resize(560, 520);
}

void SettingsDialog::fillShortcuts() {
    shortcuts_->setRowCount(static_cast<int>(values_.shortcuts.size()));
    for (int i = 0; i < values_.shortcuts.size(); ++i) {
        const ShortcutRow& row = values_.shortcuts[i];
        auto* item = new QTableWidgetItem(row.description);
        item->setFlags(Qt::ItemIsEnabled);
        shortcuts_->setItem(i, 0, item);
        auto* edit = new QKeySequenceEdit(row.key, shortcuts_);
        edit->setObjectName(QStringLiteral("shortcut_") + row.id);
        edit->setAccessibleName(
            tr("Key for: %1", "accessible name of a shortcut editor").arg(row.description));
        shortcuts_->setCellWidget(i, 1, edit);
    }
}

SettingsValues SettingsDialog::values() const {
    SettingsValues v = values_;
    v.embedded = embedded_->isChecked();
    v.serverUrl = v.embedded ? QString() : LoginView::normaliseServerUrl(serverUrl_->text());
    v.allowPlainHttp = allowPlainHttp_->isChecked();
    v.language = language_->currentData().toString();
    v.fontScale = fontScale_->value();
    v.theme = theme_->currentData().toString();
    v.afterWrapup = afterWrapup_->currentData().toString();
    for (int i = 0; i < v.shortcuts.size(); ++i) {
        if (auto* edit = qobject_cast<QKeySequenceEdit*>(shortcuts_->cellWidget(i, 1)))
            v.shortcuts[i].key = edit->keySequence();
    }
    return v;
}

QString SettingsDialog::conflict() const {
    const SettingsValues v = values();
    for (int i = 0; i < v.shortcuts.size(); ++i) {
        for (int j = i + 1; j < v.shortcuts.size(); ++j) {
            if (!v.shortcuts[i].key.isEmpty() && v.shortcuts[i].key == v.shortcuts[j].key)
                return tr("“%1” and “%2” both use %3.")
                    .arg(v.shortcuts[i].description, v.shortcuts[j].description,
                         v.shortcuts[i].key.toString(QKeySequence::NativeText));
        }
    }
    return {};
}

void SettingsDialog::apply() {
    const SettingsValues v = values();
    QString problem = conflict();
    if (problem.isEmpty() && !v.embedded && v.serverUrl.isEmpty())
        problem = tr("Enter the server address, e.g. https://crm.example.com");
    error_->setText(problem);
    error_->setVisible(!problem.isEmpty());
    if (!problem.isEmpty())
        return;
    values_ = v;
    emit applied(v);
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    tabs_->setTabText(0, tr("General"));
    tabs_->setTabText(1, tr("Shortcuts"));
    embedded_->setText(tr("Demo contact center on this computer"));
    remote_->setText(tr("Server"));
    serverNote_->setText(tr("A new server is used at the next login."));
    allowPlainHttp_->setText(tr("Allow unencrypted http:// to another computer"));
    plainHttpWarning_->setText(
        tr("Warning: over http:// anyone on the network can read passwords and customer data. "
           "Allow it only on a closed test network."));
    languageLabel_->setText(tr("Language"));
    fontLabel_->setText(tr("Font size"));
    afterLabel_->setText(tr("After wrap-up"));
    serverUrl_->setAccessibleName(tr("Server address"));
    language_->setAccessibleName(languageLabel_->text());
    fontScale_->setAccessibleName(fontLabel_->text());
    afterWrapup_->setAccessibleName(afterLabel_->text());
    themeLabel_->setText(tr("Look", "light, dark or high-contrast colours"));
    theme_->setAccessibleName(themeLabel_->text());
    theme_->setItemText(0, tr("As the system (light or dark mode)"));
    theme_->setItemText(1, tr("Light"));
    theme_->setItemText(2, tr("Dark"));
    theme_->setItemText(3, tr("High contrast"));
    shortcuts_->setAccessibleName(tr("Shortcuts"));
    afterWrapup_->setItemText(0, tr("Ready for the next call"));
    afterWrapup_->setItemText(1, tr("Not ready"));
    shortcuts_->setHorizontalHeaderLabels({tr("Action"), tr("Key")});
    resetShortcuts_->setText(tr("Restore defaults"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons_->button(QDialogButtonBox::Apply)->setText(tr("Apply"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

}  // namespace agentdesk::widgets
