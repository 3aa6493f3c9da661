#include "widgets/supervisor/login_lockouts_dialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShowEvent>
#include <QTableWidget>
#include <QVBoxLayout>

#include "widgets/common/error_text.h"
#include "widgets/common/tone.h"

namespace agentdesk::widgets {

namespace {
enum LockoutColumn { KindColumn, KeyColumn, FailuresColumn, UntilColumn, LockoutColumnCount };
}  // namespace

LoginLockoutsDialog::LoginLockoutsDialog(crm::ApiClient& api, QWidget* parent)
    : QDialog(parent),
      api_(api),
      intro_(new QLabel(this)),
      table_(new QTableWidget(0, LockoutColumnCount, this)),
      status_(new QLabel(this)),
      refresh_(new QPushButton(this)),
      clear_(new QPushButton(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    setObjectName(QStringLiteral("loginLockoutsDialog"));
    table_->setObjectName(QStringLiteral("lockoutsTable"));
    status_->setObjectName(QStringLiteral("lockoutsStatus"));
    refresh_->setObjectName(QStringLiteral("refreshLockouts"));
    clear_->setObjectName(QStringLiteral("clearLockout"));

    intro_->setWordWrap(true);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);

    auto* actions = new QHBoxLayout;
    actions->addWidget(refresh_);
    actions->addWidget(clear_);
    actions->addStretch(1);
    actions->addWidget(buttons_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addWidget(table_, 1);
    layout->addWidget(status_);
    layout->addLayout(actions);

    connect(refresh_, &QPushButton::clicked, this, &LoginLockoutsDialog::refresh);
    connect(clear_, &QPushButton::clicked, this, &LoginLockoutsDialog::clearSelected);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &LoginLockoutsDialog::updateButtons);
    retranslate();
    updateButtons();
    resize(640, 360);
}

// The requests' context is the ApiClient, which outlives this dialog (a logout keeps the
// session until the server has answered): no handler may run into a destroyed dialog.
LoginLockoutsDialog::~LoginLockoutsDialog() {
    if (request_ != 0)
        api_.cancel(request_);
}

void LoginLockoutsDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (!event->spontaneous())  // opened (again): the list may have changed meanwhile
        refresh();
}

void LoginLockoutsDialog::refresh() {
    if (request_ != 0)
        api_.cancel(request_);
    showMessage(tr("Loading…"), false);
    request_ = api_.loginLockouts(
        this, [this](const QList<crm::LoginLockout>& lockouts, const crm::ApiError& error) {
            request_ = 0;
            if (error) {
                showMessage(tr("The lockouts could not be loaded: %1").arg(errorText(error)), true);
            } else {
                lockouts_ = lockouts;
                fillTable();
                showMessage(
                    lockouts_.isEmpty() ? tr("No username or address is locked out.") : QString(),
                    false);
            }
            updateButtons();
            emit loaded();
        });
    updateButtons();
}

void LoginLockoutsDialog::clearSelected() {
    const int row = selectedRow();
    if (row < 0 || request_ != 0)
        return;
    const crm::LoginLockout lockout = lockouts_.at(row);
    showMessage(tr("Clearing the lockout of %1…").arg(lockout.key), false);
    request_ = api_.clearLoginLockout(
        this, lockout.kind, lockout.key, [this, lockout](const crm::ApiError& error) {
            request_ = 0;
            if (error && error.httpStatus != 404) {
                showMessage(tr("The lockout of %1 could not be cleared: %2")
                                .arg(lockout.key, errorText(error)),
                            true);
                updateButtons();
                return;
            }
            // 404: it ran out or a login succeeded meanwhile; either way it is gone.
            const QString done = error ? tr("%1 was no longer locked out.").arg(lockout.key)
                                       : tr("The lockout of %1 was cleared.").arg(lockout.key);
            emit cleared(lockout.kind, lockout.key);
            refresh();
            // Keep the outcome visible over the refresh's "Loading…".
            connect(
                this, &LoginLockoutsDialog::loaded, this,
                [this, done] {
                    if (!messageIsError_)
                        showMessage(done, false);
                },
                Qt::SingleShotConnection);
        });
    updateButtons();
}

int LoginLockoutsDialog::selectedRow() const {
    const QList<QTableWidgetSelectionRange> ranges = table_->selectedRanges();
    if (ranges.isEmpty())
        return -1;
    const int row = ranges.first().topRow();
    return row < lockouts_.size() ? row : -1;
}

void LoginLockoutsDialog::fillTable() {
    table_->clearContents();
    table_->setRowCount(static_cast<int>(lockouts_.size()));
    for (int row = 0; row < lockouts_.size(); ++row) {
        const crm::LoginLockout& l = lockouts_.at(row);
        auto put = [&](int column, const QString& text, Qt::Alignment align) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(align | Qt::AlignVCenter);
            table_->setItem(row, column, item);
        };
        put(KindColumn, kindText(l.kind), Qt::AlignLeft);
        put(KeyColumn, l.key, Qt::AlignLeft);
        put(FailuresColumn, QLocale().toString(l.failures), Qt::AlignRight);
        put(UntilColumn,
            l.lockedUntil.isValid()
                ? l.lockedUntil.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                : QString(),
            Qt::AlignLeft);
    }
    table_->resizeColumnToContents(KindColumn);
    table_->resizeColumnToContents(FailuresColumn);
}

void LoginLockoutsDialog::updateButtons() {
    refresh_->setEnabled(request_ == 0);
    clear_->setEnabled(request_ == 0 && selectedRow() >= 0);
}

void LoginLockoutsDialog::showMessage(const QString& text, bool error) {
    message_ = text;
    messageIsError_ = error;
    status_->setText(text);
    status_->setVisible(!text.isEmpty());
    status_->setStyleSheet(error ? toneStyle(Tone::Error, true) : QString());
}

QString LoginLockoutsDialog::kindText(const QString& kind) const {
    if (kind == QLatin1String("user"))
        return tr("Username");
    if (kind == QLatin1String("address"))
        return tr("Address");
    return kind;
}

void LoginLockoutsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fillTable();
    }
    QDialog::changeEvent(event);
}

void LoginLockoutsDialog::retranslate() {
    setWindowTitle(tr("Login lockouts"));
    intro_->setText(
        tr("Usernames and addresses locked out after failed logins. Clear a lockout once you "
           "have checked with the person that the attempts were theirs."));
    table_->setHorizontalHeaderLabels(
        {tr("Kind"), tr("Username or address"), tr("Failures"), tr("Locked until")});
    refresh_->setText(tr("Refresh"));
    clear_->setText(tr("Clear lockout"));
}

}  // namespace agentdesk::widgets
