#include "widgets/customer/customer360_view.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include "common/logging.h"
#include "widgets/common/error_text.h"
#include "widgets/common/format.h"
#include "widgets/common/relative_font.h"
#include "widgets/common/tone.h"
#include "widgets/customer/customer_chooser.h"
#include "widgets/customer/customer_editor.h"
#include "widgets/customer/customer_form.h"
#include "widgets/customer/customer_search.h"
#include "widgets/customer/open_cases_view.h"
#include "widgets/customer/products_table.h"
#include "widgets/customer/profile_card.h"
#include "widgets/customer/search_results_page.h"
#include "widgets/customer/timeline_view.h"

namespace agentdesk::widgets {

namespace {

constexpr int kInteractionPage = 20;
// How close to the bottom (px) counts as "scrolled to the end" for paging in older contacts.
constexpr int kMoreThreshold = 24;
// A customer that arrives sooner than this replaces the page on screen directly; only a slower
// one shows the "Loading customer…" page first (no flash of it during a screen pop).
constexpr int kLoadingPageDelayMs = 250;
// Posted layout requests go up one level of nested widgets per round (text → card → history →
// page → scroll area): enough rounds for the 360's deepest part.
constexpr int kLayoutRounds = 8;
// History cards filled in per step while the view is not covered yet.
constexpr int kEntriesPerFill = 2;

QLabel* sectionTitle(const char* objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    setRelativeFont(label, 1.1, true);
    label->setContentsMargins(0, 10, 0, 2);
    return label;
}

QScrollArea* scrollAreaFor(QWidget* content, const char* objectName, QWidget* parent) {
    auto* area = new QScrollArea(parent);
    area->setObjectName(QLatin1String(objectName));
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setWidget(content);
    return area;
}

}  // namespace

Customer360View::Customer360View(crm::ClientSession& session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      model_(session.customer()),
      editor_(new CustomerEditor(session.api(), this)),
      searcher_(new CustomerSearch(session.api(), this)) {
    setObjectName(QStringLiteral("customer360View"));
    setMinimumSize(420, 300);
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(6, 6, 6, 6);
    root->setSpacing(6);

    auto* bar = new QHBoxLayout;
    searchEdit_ = new QLineEdit(this);
    searchEdit_->setObjectName(QStringLiteral("customerSearchEdit"));
    searchEdit_->setClearButtonEnabled(true);
    connect(searchEdit_, &QLineEdit::returnPressed, this, [this] { search(searchEdit_->text()); });
    bar->addWidget(searchEdit_, 1);
    searchButton_ = new QPushButton(this);
    searchButton_->setObjectName(QStringLiteral("customerSearchButton"));
    connect(searchButton_, &QPushButton::clicked, this, [this] { search(searchEdit_->text()); });
    bar->addWidget(searchButton_);
    newCustomerButton_ = new QPushButton(this);
    newCustomerButton_->setObjectName(QStringLiteral("newCustomerButton"));
    connect(newCustomerButton_, &QPushButton::clicked, this, [this] { showNewCustomerForm(); });
    bar->addWidget(newCustomerButton_);
    root->addLayout(bar);

    offlineBanner_ = new QLabel(this);
    offlineBanner_->setObjectName(QStringLiteral("offlineBanner"));
    offlineBanner_->setWordWrap(true);
    offlineBanner_->setStyleSheet(QStringLiteral(
        "QLabel{background:#fff1cc;color:#6b4700;border:1px solid #e5c76b;border-radius:4px;"
        "padding:5px 8px;font-weight:bold;}"));
    offlineBanner_->hide();
    root->addWidget(offlineBanner_);

    stack_ = new QStackedWidget(this);
    stack_->setObjectName(QStringLiteral("customerPages"));
    // Pages in the order of Page.
    stack_->addWidget(buildStatusPage(emptyLabel_, nullptr, "emptyPage"));
    stack_->addWidget(buildStatusPage(loadingLabel_, nullptr, "loadingPage"));
    stack_->addWidget(buildStatusPage(errorLabel_, &retryButton_, "errorPage"));
    stack_->addWidget(buildProfilePage());
    chooser_ = new CustomerChooser(this);
    stack_->addWidget(chooser_);
    form_ = new CustomerForm(this);
    formScroll_ = scrollAreaFor(form_, "customerFormScroll", this);
    stack_->addWidget(formScroll_);
    results_ = new SearchResultsPage(this);
    stack_->addWidget(results_);
    root->addWidget(stack_, 1);

    connect(retryButton_, &QPushButton::clicked, this, [this] { model_.reload(); });
    loadingPageTimer_ = new QTimer(this);
    loadingPageTimer_->setSingleShot(true);
    loadingPageTimer_->setInterval(kLoadingPageDelayMs);
    connect(loadingPageTimer_, &QTimer::timeout, this, [this] {
        if (model_.status() == crm::Customer360Model::Status::Loading)
            showPage(Page::Loading);
    });

    connect(&model_, &crm::Customer360Model::loading, this, &Customer360View::onLoading);
    connect(&model_, &crm::Customer360Model::loaded, this, &Customer360View::onLoaded);
    connect(&model_, &crm::Customer360Model::failed, this, &Customer360View::onFailed);
    connect(&model_, &crm::Customer360Model::interactionsAppended, this,
            [this](int first, int count) {
                timeline_->appendInteractions(model_.customer().interactions.mid(first, count),
                                              model_.customer().hasMoreInteractions);
                // A short page may still leave the list without a scroll bar to pull.
                maybeLoadMoreOnScroll();
            });
    connect(&model_, &crm::Customer360Model::moreInteractionsFailed, this,
            [this](const crm::ApiError& error) { timeline_->setMoreError(errorText(error)); });

    connect(chooser_, &CustomerChooser::chosen, this,
            [this](const QString& id) { model_.load(id); });
    connect(chooser_, &CustomerChooser::newCustomerRequested, this, [this] {
        showNewCustomerForm(session_.call().hasCall() ? session_.call().call().ani : QString());
        returnPage_ = Page::Chooser;
    });
    connect(results_, &SearchResultsPage::chosen, this,
            [this](const QString& id) { model_.load(id); });
    connect(results_, &SearchResultsPage::backRequested, this, [this] { showPage(returnPage_); });

    connect(form_, &CustomerForm::submitted, this, &Customer360View::submitForm);
    connect(form_, &CustomerForm::cancelled, this, &Customer360View::leaveForm);
    connect(editor_, &CustomerEditor::saved, this,
            [this](const crm::Customer360& customer, bool created) {
                form_->setBusy(false);
                if (created)
                    model_.load(customer.customer.id);
                else
                    model_.reload();
            });
    connect(editor_, &CustomerEditor::failed, this,
            [this](const crm::ApiError& error, const FieldErrors& fields) {
                form_->setBusy(false);
                form_->showErrors(fields, errorText(error));
            });

    connect(searcher_, &CustomerSearch::finished, results_, &SearchResultsPage::setResults);
    connect(searcher_, &CustomerSearch::failed, this,
            [this](const QString& query, const crm::ApiError& error) {
                results_->setError(query, errorText(error));
            });

    connect(&session_.call(), &crm::CallSession::phaseChanged, this, [this] { updateEnabled(); });

    retranslate();
    // The model may already hold a customer (the view is created after login).
    if (model_.status() == crm::Customer360Model::Status::Ready)
        onLoaded(model_.customer(), model_.fromCache());
    else if (model_.status() == crm::Customer360Model::Status::Loading)
        onLoading(model_.customerId());
    else
        showPage(Page::Empty);
    updateEnabled();
}

Customer360View::~Customer360View() = default;

QWidget* Customer360View::buildStatusPage(QLabel*& label, QPushButton** button, const char* name) {
    auto* page = new QWidget(this);
    page->setObjectName(QLatin1String(name));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    label = new QLabel(page);
    label->setObjectName(QStringLiteral("%1Label").arg(QLatin1String(name)));
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(toneStyle(Tone::Hint));
    layout->addWidget(label);
    if (button) {
        *button = new QPushButton(page);
        (*button)->setObjectName(QStringLiteral("retryButton"));
        layout->addWidget(*button, 0, Qt::AlignHCenter);
    }
    layout->addStretch(2);
    return page;
}

QWidget* Customer360View::buildProfilePage() {
    auto* content = new QWidget(this);
    content->setObjectName(QStringLiteral("profileContent"));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 10, 8);
    layout->setSpacing(4);
    profile_ = new ProfileCard(content);
    layout->addWidget(profile_);
    productsTitle_ = sectionTitle("productsTitle", content);
    layout->addWidget(productsTitle_);
    products_ = new ProductsTable(content);
    layout->addWidget(products_);
    casesTitle_ = sectionTitle("casesTitle", content);
    layout->addWidget(casesTitle_);
    cases_ = new OpenCasesView(content);
    layout->addWidget(cases_);
    timelineTitle_ = sectionTitle("timelineTitle", content);
    layout->addWidget(timelineTitle_);
    timeline_ = new TimelineView(content);
    layout->addWidget(timeline_);
    layout->addStretch(1);

    profileScroll_ = scrollAreaFor(content, "customerScrollArea", this);
    QScrollBar* bar = profileScroll_->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this] { maybeLoadMoreOnScroll(); });
    connect(profile_, &ProfileCard::dialRequested, this, &Customer360View::dial);
    connect(profile_, &ProfileCard::editRequested, this, &Customer360View::editCurrentCustomer);
    connect(timeline_, &TimelineView::moreRequested, this,
            &Customer360View::requestMoreInteractions);
    connect(timeline_, &TimelineView::editNoteRequested, this, &Customer360View::editNoteRequested);
    return profileScroll_;
}

void Customer360View::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void Customer360View::retranslate() {
    searchEdit_->setPlaceholderText(tr("Search customers: name, phone or customer number"));
    searchEdit_->setToolTip(tr("Name, phone number or customer number, then Enter"));
    searchEdit_->setAccessibleName(tr("Search customers"));
    searchEdit_->setAccessibleDescription(searchEdit_->toolTip());
    searchButton_->setText(tr("Search"));
    newCustomerButton_->setText(tr("New customer"));
    emptyLabel_->setText(
        tr("No customer on screen.\nA ringing call shows its caller here; or "
           "search by name, phone or customer number."));
    loadingLabel_->setText(tr("Loading customer…"));
    errorLabel_->setText(tr("The customer could not be loaded.\n%1").arg(errorText(lastError_)));
    retryButton_->setText(tr("Retry"));
    productsTitle_->setText(tr("Products and contracts"));
    casesTitle_->setText(tr("Open cases"));
    timelineTitle_->setText(tr("Contact history", "상담 이력"));
    updateOfflineBanner();
    updateEnabled();
}

Customer360View::Page Customer360View::page() const {
    return static_cast<Page>(stack_->currentIndex());
}

void Customer360View::showPage(Page page) {
    stack_->setCurrentIndex(static_cast<int>(page));
    updateOfflineBanner();
}

QString Customer360View::currentCustomerId() const {
    return shownId_;
}

void Customer360View::setShown(const QString& customerId) {
    if (customerId == shownId_)
        return;
    shownId_ = customerId;
    emit customerShown(customerId);
}

void Customer360View::popFor(const crm::Call& call) {
    searcher_->cancel();
    editor_->cancel();
    if (!call.customerId.isEmpty()) {
        model_.load(call.customerId);
    } else if (call.customerMatches.size() > 1) {
        model_.clear();
        chooser_->setMatches(call.ani, call.customerMatches);
        setShown({});
        showPage(Page::Chooser);
        chooser_->list()->setFocus();
    } else if (call.customerMatches.size() == 1) {
        model_.load(call.customerMatches.first().id);
    } else {
        model_.clear();
        showNewCustomerForm(call.ani);
        returnPage_ = Page::Empty;
    }
}

void Customer360View::focusSearch() {
    searchEdit_->setFocus(Qt::ShortcutFocusReason);
    searchEdit_->selectAll();
}

void Customer360View::prefillSearch(const QString& text) {
    searchEdit_->setText(text);
    focusSearch();
}

void Customer360View::search(const QString& query) {
    if (!online_)
        return;
    searchEdit_->setText(query);
    if (!searcher_->search(query))
        return;
    if (page() != Page::SearchResults && page() != Page::Loading)
        returnPage_ = page() == Page::Form ? returnPage_ : page();
    results_->setSearching(query.trimmed());
    results_->setBackVisible(returnPage_ != Page::Empty);
    showPage(Page::SearchResults);
}

void Customer360View::showNewCustomerForm(const QString& phone) {
    if (page() != Page::Form)
        returnPage_ = page();
    form_->startCreate(phone);
    form_->setOnline(online_);
    setShown({});
    showPage(Page::Form);
    formScroll_->verticalScrollBar()->setValue(0);
}

void Customer360View::editCurrentCustomer() {
    if (model_.status() != crm::Customer360Model::Status::Ready || model_.fromCache() || !online_) {
        return;
    }
    returnPage_ = Page::Profile;
    form_->startEdit(model_.customer());
    form_->setOnline(online_);
    showPage(Page::Form);
    formScroll_->verticalScrollBar()->setValue(0);
}

void Customer360View::leaveForm() {
    editor_->cancel();
    form_->setBusy(false);
    if (returnPage_ == Page::Profile && model_.status() == crm::Customer360Model::Status::Ready)
        setShown(model_.customerId());
    showPage(returnPage_);
}

void Customer360View::submitForm(const crm::CustomerDraft& draft) {
    if (!online_)
        return;
    form_->setBusy(true);
    if (form_->mode() == CustomerForm::Mode::Create)
        editor_->create(draft);
    else
        editor_->update(form_->customerId(), draft);
}

void Customer360View::onLoading(const QString& customerId) {
    Q_UNUSED(customerId)
    // Nothing on screen yet: say so at once. Otherwise the page stays until the customer is in
    // or the delay is over (switching pages twice costs a screen pop more than its data).
    if (page() == Page::Empty)
        showPage(Page::Loading);
    else
        loadingPageTimer_->start();
}

void Customer360View::onLoaded(const crm::Customer360& customer, bool fromCache) {
    Q_UNUSED(fromCache)
    loadingPageTimer_->stop();
    const bool sameCustomer = customer.customer.id == shownId_;
    timeline_->setWrapupCodes(session_.wrapupCodes());
    timeline_->setQueues(session_.capabilities().queues);
    profile_->setCustomer(customer);
    products_->setProducts(customer.products);
    cases_->setCases(customer.openCases);
    timeline_->setInteractions(customer.interactions, customer.hasMoreInteractions);
    showPage(Page::Profile);
    if (!sameCustomer)
        profileScroll_->verticalScrollBar()->setValue(0);
    setShown(customer.customer.id);
    updateEnabled();
    // Lay the new texts out now, before the window's next paint (often queued already by the
    // ringing call): that paint is then the complete 360, not the new texts in the old places
    // followed by a layout round and a paint per level of nesting. The history has its first
    // cards filled in; more until the view is covered, the others after that paint.
    layOutNow();
    const QScrollBar* bar = profileScroll_->verticalScrollBar();
    const int viewBottom = bar->value() + profileScroll_->viewport()->height();
    while (timeline_->mapTo(profileScroll_->widget(), QPoint(0, timeline_->filledBottom())).y() <
               viewBottom &&
           timeline_->fillMore(kEntriesPerFill)) {
        layOutNow();
    }
}

void Customer360View::layOutNow() {
    for (int round = 0; round < kLayoutRounds; ++round)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void Customer360View::onFailed(const QString& customerId, const crm::ApiError& error) {
    Q_UNUSED(customerId)
    loadingPageTimer_->stop();
    lastError_ = error;
    errorLabel_->setText(tr("The customer could not be loaded.\n%1").arg(errorText(error)));
    setShown({});
    showPage(Page::Error);
}

void Customer360View::requestMoreInteractions() {
    if (model_.status() != crm::Customer360Model::Status::Ready || model_.fromCache() || !online_ ||
        !model_.customer().hasMoreInteractions) {
        return;
    }
    model_.loadMoreInteractions(kInteractionPage);
    if (model_.loadingMoreInteractions())
        timeline_->setLoadingMore(true);
}

void Customer360View::maybeLoadMoreOnScroll() {
    if (page() != Page::Profile)
        return;
    const QScrollBar* bar = profileScroll_->verticalScrollBar();
    if (bar->maximum() > 0 && bar->value() >= bar->maximum() - kMoreThreshold)
        requestMoreInteractions();
}

void Customer360View::dial(const QString& number, const QString& phoneId) {
    if (!online_ || session_.call().hasCall() || shownId_.isEmpty())
        return;
    // Ids only: the number is personal data.
    logging::get("ui")->info("click-to-dial customer {} phone {}", shownId_.toStdString(),
                             phoneId.toStdString());
    session_.call().dial(number, shownId_, phoneId);
}

void Customer360View::setOnline(bool online) {
    online_ = online;
    form_->setOnline(online);
    updateEnabled();
}

void Customer360View::updateEnabled() {
    const bool live = online_ && !model_.fromCache();
    profile_->setDialEnabled(online_ && !session_.call().hasCall());
    profile_->setEditEnabled(live);
    searchEdit_->setEnabled(online_);
    searchButton_->setEnabled(online_);
    newCustomerButton_->setEnabled(online_);
    chooser_->setCreateEnabled(online_);
    const QString offline = online_ ? QString() : tr("Not possible while offline");
    searchButton_->setToolTip(offline);
    newCustomerButton_->setToolTip(offline);
}

void Customer360View::updateOfflineBanner() {
    const bool show = page() == Page::Profile &&
                      model_.status() == crm::Customer360Model::Status::Ready && model_.fromCache();
    if (show) {
        offlineBanner_->setText(
            tr("Saved copy from %1 — offline", "the 360 view shows the locally cached customer")
                .arg(formatDateTime(model_.cachedAt())));
    }
    offlineBanner_->setVisible(show);
}

}  // namespace agentdesk::widgets
